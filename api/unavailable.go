package api

import "github.com/danielgtaylor/huma/v2"

// retryAfterUnavailable is the Retry-After, in seconds, of every 503: a
// database that restarts or fails over is back within seconds, and clients
// that wait this long do not hammer it meanwhile.
const retryAfterUnavailable = "5"

// retryLater tells the client of a 503 answer when to try again.
func retryLater(ctx huma.Context) {
	if ctx != nil {
		ctx.SetHeader("Retry-After", retryAfterUnavailable)
	}
}
