package api

import (
	"context"
	"net"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

type actorKey struct{}

// actorOf returns the signed-in actor of a request that passed authenticate.
func actorOf(ctx context.Context) *domain.Actor {
	actor, _ := ctx.Value(actorKey{}).(*domain.Actor)
	return actor
}

// signedIn is the security requirement of operations that need a session.
var signedIn = []map[string][]string{{bearerScheme: {}}}

// authenticate resolves the bearer token of operations that declare a
// security requirement and refuses the request with 401 when it is missing,
// unknown, expired or revoked. Operations without one are public.
func authenticate(api huma.API, accounts *domain.Accounts) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if len(ctx.Operation().Security) == 0 {
			next(ctx)
			return
		}
		token, ok := strings.CutPrefix(ctx.Header("Authorization"), "Bearer ")
		var actor *domain.Actor
		var err error = domain.Errorf(domain.KindUnauthenticated, "sign in first: send Authorization: Bearer <token from login>")
		if ok && strings.TrimSpace(token) != "" {
			actor, err = accounts.Authenticate(ctx.Context(), strings.TrimSpace(token))
		}
		if err != nil {
			ctx.SetHeader("WWW-Authenticate", `Bearer realm="proper"`)
			huma.WriteErr(api, ctx, http.StatusInternalServerError, "", err)
			return
		}
		next(huma.WithValue(ctx, actorKey{}, actor))
	}
}

// clientAddress is the address failed sign-ins are counted against: the
// peer's IP. (Behind a proxy every client shares the proxy's address; a
// trusted X-Forwarded-For is not read yet.)
func clientAddress(ctx context.Context) string {
	if info := infoOf(ctx); info != nil {
		return info.remoteIP
	}
	return ""
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
