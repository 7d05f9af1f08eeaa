package api

import (
	"math"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

// retryAfterUnavailable is the Retry-After of a 503 whose cause names no
// wait: a database that restarts or fails over is back within seconds, and
// clients that wait this long do not hammer it meanwhile.
const retryAfterUnavailable = 5 * time.Second

// setRetryAfter tells the client of a refused request when to try again: the
// wait the domain named (a rate limit, a busy password check), or for any
// other 503 retryAfterUnavailable.
func setRetryAfter(ctx huma.Context, de *domain.Error) {
	wait := de.RetryAfter
	if wait <= 0 && de.Kind == domain.KindUnavailable {
		wait = retryAfterUnavailable
	}
	if ctx != nil && wait > 0 {
		ctx.SetHeader("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	}
}
