//go:build bench

package main

// The first table of `make bench`: Proper as users deploy it, the real
// `proper serve` binary with its defaults and its request log written to a
// file, beside PocketBase (bench/peers/pocketbase), both on the seeded data
// and driven by a load generator of its own process (wrk where installed,
// bench/load otherwise), in alternating rounds with pauses.

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/uptrace/bun"
)

// deployedFlags say what the deployed comparison runs and how long.
type deployedFlags struct {
	properBin, loadBin, pocketbaseBin, client string
	duration, pause                           time.Duration
	rounds                                    int
}

var deployed deployedFlags

func init() {
	flag.StringVar(&deployed.properBin, "proper-bin", "", "the proper binary to serve as deployed (make bench builds it); empty: no deployed comparison")
	flag.StringVar(&deployed.loadBin, "load-bin", "", "the load generator binary (go build -tags bench ./bench/load), used when wrk is not")
	flag.StringVar(&deployed.pocketbaseBin, "pocketbase-bin", "", "the PocketBase peer binary (bench/peers/pocketbase)")
	flag.StringVar(&deployed.client, "client", "auto", "load generator of the deployed comparison: wrk, go (the -load-bin), or auto (wrk when on PATH)")
	flag.DurationVar(&deployed.duration, "deployed-duration", 10*time.Second, "how long each round of the deployed comparison loads one server")
	flag.DurationVar(&deployed.pause, "deployed-pause", 10*time.Second, "pause before each round of the deployed comparison")
	flag.IntVar(&deployed.rounds, "deployed-rounds", 3, "rounds per server and operation in the deployed comparison (the table shows their medians)")
}

// peer is a server under load in its own process.
type peer struct {
	name, base, token string
	cmd               *exec.Cmd
	exited            chan struct{} // closed when the process has ended
}

// runDeployed serves Proper's binary and PocketBase's side by side and prints
// the deployed table. url is the seeded database, dir a folder for their
// files, token an admin's session.
func runDeployed(ctx context.Context, db *bun.DB, url, dir, token string, connections int) error {
	client := deployed.client
	if client == "auto" {
		client = "go"
		if _, err := exec.LookPath("wrk"); err == nil {
			client = "wrk"
		}
	}
	if client == "go" && deployed.loadBin == "" {
		return fmt.Errorf("-load-bin is needed without wrk")
	}
	// Afresh each run, also in a kept -data-dir: PocketBase is seeded anew.
	dir = filepath.Join(dir, "deployed")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	// Proper: every seeded project, in random order.
	var ids []string
	if err := db.NewSelect().Table("projects").Column("id").OrderExpr("random()").Scan(ctx, &ids); err != nil {
		return err
	}
	var milestones int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM milestones").Scan(&milestones); err != nil {
		return err
	}
	perProject := max(1, (milestones+len(ids)/2)/len(ids))
	properLog := filepath.Join(dir, "proper.log")
	port, err := freePort()
	if err != nil {
		return err
	}
	proper := &peer{name: "Proper", base: "http://127.0.0.1:" + port, token: token,
		cmd: exec.Command(deployed.properBin, "serve", "--port", port, "--database-url", url, "--data-dir", filepath.Join(dir, "proper"))}
	if err := proper.start(properLog); err != nil {
		return err
	}
	defer proper.stop()
	if err := proper.waitReady("/readyz"); err != nil {
		return fmt.Errorf("proper serve: %w (see %s)", err, properLog)
	}

	// PocketBase: as many projects, with as many milestones each.
	pbDir, pbIDs, pbLog := filepath.Join(dir, "pocketbase"), filepath.Join(dir, "pocketbase-ids.txt"), filepath.Join(dir, "pocketbase.log")
	begun := time.Now()
	if out, err := exec.Command(deployed.pocketbaseBin, "seed", "--dir", pbDir, "--projects", strconv.Itoa(len(ids)),
		"--milestones", strconv.Itoa(perProject), "--ids", pbIDs).CombinedOutput(); err != nil {
		return fmt.Errorf("seed PocketBase: %v: %s", err, out)
	}
	fmt.Printf("PocketBase seeded with %d projects, %d milestones each, in %s\n", len(ids), perProject, time.Since(begun).Round(time.Second))
	if port, err = freePort(); err != nil {
		return err
	}
	pocketbase := &peer{name: "PocketBase", base: "http://127.0.0.1:" + port,
		cmd: exec.Command(deployed.pocketbaseBin, "serve", "--dir", pbDir, "--http", "127.0.0.1:"+port)}
	if err := pocketbase.start(pbLog); err != nil {
		return err
	}
	defer pocketbase.stop()
	if err := pocketbase.waitReady("/api/health"); err != nil {
		return fmt.Errorf("PocketBase: %w (see %s)", err, pbLog)
	}
	if pocketbase.token, err = pocketbaseToken(pocketbase.base); err != nil {
		return err
	}
	pbProjects, err := readLines(pbIDs)
	if err != nil {
		return err
	}

	paths := func(name string, ids []string, format string) (string, error) {
		file := filepath.Join(dir, name)
		var b strings.Builder
		for _, id := range ids {
			fmt.Fprintf(&b, format+"\n", id)
		}
		return file, os.WriteFile(file, []byte(b.String()), 0o644)
	}
	type side struct {
		peer  *peer
		paths string
	}
	type op struct {
		name          string
		proper, other side
	}
	var ops []op
	for _, o := range []struct{ name, proper, pocketbase string }{
		{"get-project / view", "/v1/projects/%s", "/api/collections/projects/records/%s"},
		{"list-milestones / list 50, skipTotal", "/v1/projects/%s/milestones?limit=50", "/api/collections/milestones/records?filter=project%%3D%%27%s%%27&sort=position&perPage=50&skipTotal=1"},
	} {
		pf, err := paths(fmt.Sprintf("proper-%d.txt", len(ops)), ids, o.proper)
		if err != nil {
			return err
		}
		bf, err := paths(fmt.Sprintf("pocketbase-%d.txt", len(ops)), pbProjects, o.pocketbase)
		if err != nil {
			return err
		}
		ops = append(ops, op{o.name, side{proper, pf}, side{pocketbase, bf}})
	}

	fmt.Printf("\ndeployed: proper serve (log to %s) and PocketBase (bench/peers/pocketbase), %d projects with random ids, client %s at %d connections, %d alternating rounds of %s with pauses of %s\n",
		properLog, len(ids), client, connections, deployed.rounds, deployed.duration, deployed.pause)
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "operation\tProper req/s\tp99\tPocketBase req/s\tp99\tratio\t\n")
	for _, o := range ops {
		var mine, theirs []loadResult
		for round := range deployed.rounds {
			for _, s := range []side{o.proper, o.other} {
				time.Sleep(deployed.pause)
				r, err := loadPeer(client, s.peer, s.paths, connections)
				if err != nil {
					return fmt.Errorf("%s, %s: %w", o.name, s.peer.name, err)
				}
				fmt.Printf("  %s round %d, %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms\n", o.name, round+1, s.peer.name, r.RPS, r.P50, r.P99)
				if s.peer == proper {
					mine = append(mine, r)
				} else {
					theirs = append(theirs, r)
				}
			}
		}
		m, t := medianOf(mine), medianOf(theirs)
		fmt.Fprintf(w, "%s\t%.0f\t%.1f ms\t%.0f\t%.1f ms\t%.2f×\t\n", o.name, m.RPS, m.P99, t.RPS, t.P99, m.RPS/t.RPS)
	}
	fmt.Println()
	return w.Flush()
}

// loadResult is what one round measured (bench/load prints it as JSON).
type loadResult struct {
	Requests int     `json:"requests"`
	RPS      float64 `json:"rps"`
	P50      float64 `json:"p50_ms"`
	P99      float64 `json:"p99_ms"`
}

// medianOf is the median of the rounds' throughputs and, on its own, of their p99s.
func medianOf(rs []loadResult) loadResult {
	median := func(f func(loadResult) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return loadResult{RPS: median(func(r loadResult) float64 { return r.RPS }), P50: median(func(r loadResult) float64 { return r.P50 }),
		P99: median(func(r loadResult) float64 { return r.P99 })}
}

// loadPeer loads p for deployed.duration from a process of its own.
func loadPeer(client string, p *peer, paths string, connections int) (loadResult, error) {
	if client == "wrk" {
		return loadWrk(p, paths, connections)
	}
	out, err := exec.Command(deployed.loadBin, "-url", p.base, "-paths", paths, "-token", p.token,
		"-c", strconv.Itoa(connections), "-d", deployed.duration.String()).Output()
	if err != nil {
		if e, ok := err.(*exec.ExitError); ok {
			return loadResult{}, fmt.Errorf("%v: %s", err, e.Stderr)
		}
		return loadResult{}, err
	}
	var r loadResult
	return r, json.Unmarshal(out, &r)
}

// wrkScript sends each request to a path picked at random from the file
// BENCH_PATHS, with the token BENCH_TOKEN.
const wrkScript = `
local paths = {}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + id)
  for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
`

var (
	wrkRate    = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	wrkLatency = regexp.MustCompile(`(?m)^\s+(50|99)%\s+([0-9.]+)(us|ms|s)\s*$`)
	wrkFailed  = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)|Socket errors: .*`)
)

// loadWrk loads p with wrk, two threads (one per core of the development
// machine) and the given connections.
func loadWrk(p *peer, paths string, connections int) (loadResult, error) {
	script := filepath.Join(filepath.Dir(paths), "random-path.lua")
	if err := os.WriteFile(script, []byte(wrkScript), 0o644); err != nil {
		return loadResult{}, err
	}
	cmd := exec.Command("wrk", "-t2", "-c"+strconv.Itoa(connections), "-d"+deployed.duration.String(), "--latency", "-s", script, p.base)
	cmd.Env = append(os.Environ(), "BENCH_PATHS="+paths, "BENCH_TOKEN="+p.token)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return loadResult{}, fmt.Errorf("wrk: %v: %s", err, out)
	}
	if m := wrkFailed.Find(out); m != nil {
		return loadResult{}, fmt.Errorf("wrk: %s", m)
	}
	rate := wrkRate.FindSubmatch(out)
	if rate == nil {
		return loadResult{}, fmt.Errorf("wrk printed no rate: %s", out)
	}
	var r loadResult
	r.RPS, _ = strconv.ParseFloat(string(rate[1]), 64)
	for _, m := range wrkLatency.FindAllSubmatch(out, -1) {
		v, _ := strconv.ParseFloat(string(m[2]), 64)
		switch string(m[3]) {
		case "us":
			v /= 1000
		case "s":
			v *= 1000
		}
		if string(m[1]) == "50" {
			r.P50 = v
		} else {
			r.P99 = v
		}
	}
	r.Requests = int(r.RPS * deployed.duration.Seconds())
	return r, nil
}

// start runs the peer's command with its output appended to logFile.
func (p *peer) start(logFile string) error {
	f, err := os.Create(logFile)
	if err != nil {
		return err
	}
	p.cmd.Stdout, p.cmd.Stderr = f, f
	if err := p.cmd.Start(); err != nil {
		f.Close()
		return fmt.Errorf("start %s: %w", p.name, err)
	}
	p.exited = make(chan struct{})
	go func() { p.cmd.Wait(); f.Close(); close(p.exited) }()
	return nil
}

// stop asks the peer to end and waits a little for it.
func (p *peer) stop() {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		<-p.exited
	}
}

// waitReady polls path until it answers 200, for a minute at most.
func (p *peer) waitReady(path string) error {
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		select {
		case <-p.exited:
			return fmt.Errorf("exited: %s", p.cmd.ProcessState)
		default:
		}
		res, err := http.Get(p.base + path)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return fmt.Errorf("not ready at %s after a minute", p.base+path)
}

// pocketbaseToken signs in as the user the peer's seed made.
func pocketbaseToken(base string) (string, error) {
	res, err := http.Post(base+"/api/collections/users/auth-with-password", "application/json",
		strings.NewReader(`{"identity":"bench@proper.id","password":"bench-password-123"}`))
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	var body struct{ Token string }
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || body.Token == "" {
		return "", fmt.Errorf("PocketBase sign-in answered %d: %v", res.StatusCode, err)
	}
	return body.Token, nil
}

// freePort returns a loopback port free at the moment.
func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port), nil
}

// readLines reads the non-empty lines of a file.
func readLines(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if line := s.Text(); line != "" {
			lines = append(lines, line)
		}
	}
	return lines, s.Err()
}
