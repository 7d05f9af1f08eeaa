package api_test

import (
	"context"

	"github.com/proper-id/proper/openapi/client"
)

func init() {
	// Everyone who sees the project downloads its documents.
	seesProject := [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}
	rows := map[string]accessCase{
		"download-design-pdf": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DownloadDesignPdfWithResponse(ctx, w.project()))
		}, seesProject},
		"download-evidence-index-pdf": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DownloadEvidenceIndexPdfWithResponse(ctx, w.project()))
		}, seesProject},
	}
	for op, c := range rows {
		accessMatrix[op] = c
		// The coach of another group and another mentor do not see the project; an examiner does.
		moreAccess[op] = [3]int{notFound, notFound, ok}
	}
}
