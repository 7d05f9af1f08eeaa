package api

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
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
// unknown, expired or revoked, and with 503 when the session cannot be
// looked up. Operations without one are public.
func authenticate(api huma.API, accounts *domain.Accounts) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if len(ctx.Operation().Security) == 0 {
			next(ctx)
			return
		}
		token, ok := strings.CutPrefix(ctx.Header("Authorization"), "Bearer ")
		var actor *domain.Actor
		var err error = domain.Fail(domain.KindUnauthenticated, domain.CodeTokenMissing)
		if ok && strings.TrimSpace(token) != "" {
			actor, err = accounts.Authenticate(ctx.Context(), strings.TrimSpace(token))
		}
		if err != nil {
			// Only a token that is missing or no longer valid is the caller's
			// to fix (401, and clients sign out on its WWW-Authenticate); a
			// session that could not be looked up (the database is down)
			// is a 503 with Retry-After, the token kept.
			if domain.KindOf(err) == domain.KindUnauthenticated {
				ctx.SetHeader("WWW-Authenticate", `Bearer realm="proper"`)
			}
			huma.WriteErr(api, ctx, http.StatusInternalServerError, "", err)
			return
		}
		next(huma.WithValue(ctx, actorKey{}, actor))
	}
}

// clientAddress is the address rate limits count a request against (failed
// sign-ins, showcase requests): see clientIP.
func clientAddress(ctx context.Context) string {
	if info := infoOf(ctx); info != nil {
		return info.remoteIP
	}
	return ""
}

// clientIP is the address a request comes from: its TCP peer, unless the
// peer is one of the trusted proxies; then the address that proxy (and any
// trusted proxy before it) received the request from, read from
// X-Forwarded-For right to left. Without trusted proxies X-Forwarded-For is
// ignored, as anyone can send it.
func clientIP(r *http.Request, trusted []netip.Prefix) string {
	peer := remoteIP(r)
	if !isTrusted(peer, trusted) {
		return peer
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if _, err := netip.ParseAddr(hop); err != nil {
			break // a malformed entry: trust nothing further left
		}
		peer = hop
		if !isTrusted(hop, trusted) {
			break
		}
	}
	return peer
}

func isTrusted(address string, trusted []netip.Prefix) bool {
	addr, err := netip.ParseAddr(address)
	if err != nil {
		return false
	}
	addr = addr.Unmap()
	for _, p := range trusted {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// ParseTrustedProxies reads a comma-separated list of proxy addresses and
// networks ("10.0.0.0/8, 192.168.1.7").
func ParseTrustedProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if !strings.Contains(item, "/") {
			addr, err := netip.ParseAddr(item)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q: not an address or a network", item)
			}
			out = append(out, netip.PrefixFrom(addr.Unmap(), addr.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(item)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: not an address or a network", item)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
