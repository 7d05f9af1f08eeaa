//go:build bench

// Command bench measures Proper in one run on one machine: it starts a
// private PostgreSQL and seeds a dataset (with one cohort of 1,000
// participants). With -proper-bin it first serves the real binary as its
// users deploy it beside PocketBase, each in its own process and loaded from
// another (deployed.go), and prints their table. Then, for profiling, it
// serves Proper and a hand-written baseline in this process, runs a bounded
// load per operation, and prints operation, requests/s, p50, p99, and the
// ratio to the baseline where the baseline has the operation. `make bench`
// runs it.
package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/bench/baseline"
	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pglocal"
	"github.com/proper-id/proper/persistence/seed"
)

// writerProjects is how many projects create-milestone writes to: a
// multiple of the default numbers of connections (50, 4 and 1), so that
// each connection's share is its own.
const writerProjects = 2000

// baselineRounds is how many turns Proper and the baseline take at an
// operation both answer, each loaded for a share of -duration.
const baselineRounds = 3

// lightConnections is the -light-connections flag.
var lightConnections int

// dataDir is the -data-dir flag: where the bench keeps its database between
// runs; empty for a temporary one.
var dataDir string

func main() {
	projects := flag.Int("projects", 20000, "projects to seed (env BENCH_PROJECTS in make bench)")
	published := flag.Float64("published", 1, "share of the projects on the showcase, 0 to 1 (env BENCH_PUBLISHED in make bench)")
	duration := flag.Duration("duration", 5*time.Second, "how long each operation is loaded")
	connections := flag.Int("connections", 50, "concurrent connections")
	flag.IntVar(&lightConnections, "light-connections", 4, "concurrent connections of the second, lighter load of every operation (a third has one connection: each request alone)")
	uploadMB := flag.Int("upload-mb", 200, "size of the evidence upload to time")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the loads (server and client) to this file")
	memProfile := flag.String("memprofile", "", "write allocation profiles taken before and after the loads to this file (.before and itself); compare with pprof -diff_base")
	only := flag.String("only", "", "load only the operations whose names start with this (for a profile of one)")
	flag.StringVar(&dataDir, "data-dir", "", "keep the database in this folder and reuse it when it already holds the seeded projects (for repeated runs over a large dataset)")
	flag.BoolVar(&showcaseDetail, "showcase-detail", false, "also time each showcase query alone and print the plans of three (EXPLAIN ANALYZE)")
	flag.Parse()
	// Proper runs in this process: give it the garbage collector's target
	// that proper serve sets (serveGCPercent in cmd/proper/serve.go).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	profiles = loadProfiles{cpu: *cpuProfile, allocs: *memProfile}
	if err := run(*projects, *published, *duration, *connections, *uploadMB, *only); err != nil {
		log.Fatal(err)
	}
}

// seedOnce loads the dataset unless the database (one kept with -data-dir)
// already holds it, then has PostgreSQL vacuum and analyze it as its
// autovacuum would soon after such a load: statistics for the planner, the
// visibility map for index-only scans, and the GIN indexes' pending lists
// merged.
func seedOnce(ctx context.Context, db *bun.DB, projects int, published float64) error {
	var have int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM projects").Scan(&have); err != nil {
		return err
	}
	if have >= projects {
		fmt.Printf("reusing the %d projects in %s\n", have, dataDir)
		return nil
	}
	if have > 0 {
		return fmt.Errorf("the database in %s holds %d projects, fewer than %d: remove the folder to seed again", dataDir, have, projects)
	}
	fmt.Printf("seeding %d projects, %.0f%% of them published...\n", projects, published*100)
	begun := time.Now()
	// Where the time goes: each step's time, from the end of the one before
	// (the first table of each batch also counts the rows' generation).
	var steps []string
	spent := map[string]time.Duration{}
	last := begun
	progress := func(step string, rows int) {
		if _, ok := spent[step]; !ok {
			steps = append(steps, step)
		}
		spent[step] += time.Since(last)
		last = time.Now()
	}
	if err := seed.Load(ctx, db, seed.Options{Projects: projects, FirstCohortSize: 1000, Published: published, Now: time.Now(), Progress: progress}); err != nil {
		return err
	}
	fmt.Printf("seeded in %s\n", time.Since(begun).Round(time.Second))
	// Tables one by one; the indexes built at the end together, naming the
	// three slowest.
	var indexes []string
	var indexTime time.Duration
	for _, step := range steps {
		if name, ok := strings.CutPrefix(step, "index "); ok {
			indexes = append(indexes, name)
			indexTime += spent[step]
			continue
		}
		fmt.Printf("  %-24s %s\n", step, spent[step].Round(100*time.Millisecond))
	}
	slices.SortFunc(indexes, func(a, b string) int { return cmp.Compare(spent["index "+b], spent["index "+a]) })
	for i := range min(3, len(indexes)) {
		indexes[i] += " " + spent["index "+indexes[i]].Round(100*time.Millisecond).String()
	}
	if len(indexes) > 0 {
		fmt.Printf("  %-24s %s (%d; slowest: %s)\n", "indexes", indexTime.Round(100*time.Millisecond), len(indexes), strings.Join(indexes[:min(3, len(indexes))], ", "))
	}
	begun = time.Now()
	if _, err := db.ExecContext(ctx, "VACUUM (ANALYZE)"); err != nil {
		return err
	}
	fmt.Printf("vacuumed and analyzed in %s\n", time.Since(begun).Round(time.Second))
	return nil
}

func run(projects int, published float64, duration time.Duration, connections, uploadMB int, only string) error {
	ctx := context.Background()
	dir := dataDir
	if dir == "" {
		temp, err := os.MkdirTemp("", "proper-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(temp)
		dir = temp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	os.Chmod(dir, 0o755)
	cluster, err := pglocal.Start(ctx, pglocal.Options{Dir: dir})
	if err != nil {
		return err
	}
	defer cluster.Close()
	url := cluster.URL(pglocal.DefaultDatabase)
	db, err := persistence.Open(url, persistence.DefaultPoolOptions)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := persistence.NewMigrator(db).Up(ctx); err != nil {
		return err
	}
	if err := seedOnce(ctx, db, projects, published); err != nil {
		return err
	}

	// Who and what the load asks about.
	var cohort, project, participant, mentor uuid.UUID
	if err := db.QueryRowContext(ctx, `SELECT e.cohort_id FROM enrollments e GROUP BY e.cohort_id ORDER BY count(*) DESC LIMIT 1`).Scan(&cohort); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, `SELECT p.id, e.participant_id, e.mentor_id FROM projects p JOIN enrollments e ON e.id = p.enrollment_id
		WHERE e.cohort_id = ? AND p.status = 'implementing' LIMIT 1`, cohort).Scan(&project, &participant, &mentor); err != nil {
		return err
	}
	store := persistence.NewStore(db)
	blobs, err := persistence.OpenBlobStore(ctx, "file://"+filepath.Join(dir, "blobs"))
	if err != nil {
		return err
	}
	services := domain.NewServices(store, blobs, time.Now, domain.Options{MaxEvidenceBytes: int64(uploadMB+16) << 20})
	admin, err := services.Directory.CreatePlatformAdmin(ctx, fmt.Sprintf("bench-%d@proper.id", time.Now().UnixNano()), "Bench", "bench-password-123")
	if err != nil {
		return err
	}
	token := func(user uuid.UUID) string {
		t := domain.NewSecret()
		if err := store.Sessions().Create(ctx, domain.HashSecret(t), user, time.Now().Add(time.Hour)); err != nil {
			log.Fatal(err)
		}
		return t
	}
	adminToken, participantToken, mentorToken := token(admin.ID), token(participant), token(mentor)

	// First the deployed binaries, each in its own process; then the
	// in-process table, for profiling.
	if deployed.properBin != "" {
		if err := runDeployed(ctx, db, url, dir, adminToken, connections); err != nil {
			return err
		}
	}

	// Proper and the baseline, each on its own loopback port.
	proper := api.New(api.Deps{Logger: slog.New(slog.DiscardHandler), Services: &api.Services{
		Services: services, Idempotency: persistence.NewIdempotencyStore(db), Now: time.Now,
	}})
	properURL, stopProper := serve(proper.Handler())
	defer stopProper()
	pool, err := pgxpool.New(ctx, url+fmt.Sprintf("&pool_max_conns=%d", persistence.DefaultPoolOptions.MaxOpen))
	if err != nil {
		return err
	}
	defer pool.Close()
	baselineURL, stopBaseline := serve(baseline.Handler(pool))
	defer stopBaseline()

	// Writers are spread like real use: participants adding a milestone
	// to their own projects, each connection going through its own share of
	// writerProjects (so no two write to one project, and none grows past a
	// realistic size over repeated runs), outside the cohort whose progress
	// is measured.
	var writers []target
	rows, err := db.QueryContext(ctx, `SELECT p.id, e.participant_id FROM projects p JOIN enrollments e ON e.id = p.enrollment_id
		WHERE p.status = 'implementing' AND e.cohort_id <> ? LIMIT ?`, cohort, writerProjects)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, owner uuid.UUID
		if err := rows.Scan(&id, &owner); err != nil {
			return err
		}
		writers = append(writers, target{path: "/v1/projects/" + id.String() + "/milestones", token: token(owner)})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(writers) == 0 {
		return fmt.Errorf("the dataset has no implementing project to add milestones to")
	}
	one := func(path, token string) []target { return []target{{path, token}} }
	searches, entries, err := showcaseTargets(ctx, db)
	if err != nil {
		return err
	}
	if showcaseDetail {
		if err := explainShowcase(ctx, db); err != nil {
			return err
		}
		if err := timeSimilar(ctx, db); err != nil {
			return err
		}
	}
	ops := []operation{
		{name: "get-project", targets: one("/v1/projects/"+project.String(), adminToken), baseline: true},
		{name: "list-milestones", targets: one("/v1/projects/"+project.String()+"/milestones", participantToken)},
		{name: "get-cohort-progress (1,000)", targets: one("/v1/cohorts/"+cohort.String()+"/progress", adminToken), baseline: true},
		{name: "list-review-queue", targets: one("/v1/review-queue", mentorToken)},
		{name: "list-users?q=", targets: one("/v1/users?q=dewi%20lestari", adminToken)},
		{name: fmt.Sprintf("search-showcase (%d queries)", len(searches)), targets: searches},
		{name: "get-showcase-entry", targets: entries},
		// Last, so that the reads above do not meet the vacuuming its
		// inserts set off.
		{name: fmt.Sprintf("create-milestone (%d projects)", len(writers)), targets: writers, post: func() (string, []byte) {
			return "application/json", []byte(`{"horizon":"mid","title":"Milestone beban","dueOn":"2027-06-30"}`)
		}},
	}
	profileLoads(true)
	defer profileLoads(false)
	for _, conns := range []int{connections, lightConnections, 1} {
		fmt.Printf("\nat %d connection(s)\n", conns)
		loadTable(ops, only, properURL, baselineURL, duration, conns)
	}
	if showcaseDetail {
		timeEachSearch(properURL, searches, duration)
	}
	if uploadMB > 0 {
		return timeUpload(dir, properURL, participantToken, project, store, uploadMB)
	}
	return nil
}

// operation is a row of the tables: requests to load and whether the
// baseline answers them too.
type operation struct {
	name     string
	targets  []target
	post     func() (string, []byte)
	baseline bool
}

// loadTable loads each operation (those whose names start with only) with
// conns connections and prints a row for each.
func loadTable(ops []operation, only, properURL, baselineURL string, duration time.Duration, conns int) {
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	defer w.Flush()
	fmt.Fprintf(w, "operation\treq/s\tp50\tp99\tbaseline req/s\tp50\tp99\tratio\t\n")
	for _, op := range ops {
		if !strings.HasPrefix(op.name, only) {
			continue
		}
		base, ratio := "\t\t", ""
		var r result
		if op.baseline {
			// Proper and the baseline take turns, so that a change in the
			// machine's load during the run touches both alike.
			var b result
			for i := range baselineRounds {
				pr, br := load(properURL, op.targets, op.post, duration/baselineRounds, conns), load(baselineURL, op.targets, nil, duration/baselineRounds, conns)
				if i == 0 {
					r, b = pr, br
				} else {
					r, b = r.and(pr), b.and(br)
				}
			}
			base, ratio = fmt.Sprintf("%.0f\t%s\t%s", b.rps(), b.at(0.50), b.at(0.99)), fmt.Sprintf("%.2f×", r.rps()/b.rps())
		} else {
			r = load(properURL, op.targets, op.post, duration, conns)
		}
		fmt.Fprintf(w, "%s\t%.0f\t%s\t%s\t%s\t%s\t\n", op.name, r.rps(), r.at(0.50), r.at(0.99), base, ratio)
	}
}

// serve answers on a free loopback port until the returned stop is called.
func serve(h http.Handler) (string, func()) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	go api.Serve(ctx, ln, h, slog.New(slog.DiscardHandler), api.DefaultTimeouts)
	return "http://" + ln.Addr().String(), stop
}

// profiles names the profiles to take around the loads; empty means none.
var profiles loadProfiles

type loadProfiles struct{ cpu, allocs string }

// profileLoads starts (start) or stops the profiles around the loads and the upload. The
// allocation profile is cumulative, so one is written on both sides.
func profileLoads(start bool) {
	if profiles.allocs != "" {
		name := profiles.allocs
		if start {
			name += ".before"
		}
		writeProfile(name, func(f io.Writer) error { return pprof.Lookup("allocs").WriteTo(f, 0) })
	}
	switch {
	case profiles.cpu == "":
	case start:
		writeProfile(profiles.cpu, pprof.StartCPUProfile)
	default:
		pprof.StopCPUProfile()
	}
}

// writeProfile creates the file name and lets write fill it; the CPU
// profiler keeps writing after write returns, so the file stays open.
func writeProfile(name string, write func(io.Writer) error) {
	f, err := os.Create(name)
	if err == nil {
		err = write(f)
	}
	if err != nil {
		log.Fatal(err)
	}
}

type result struct {
	latencies []time.Duration // of every request, sorted
	elapsed   time.Duration
}

func (r result) rps() float64 { return float64(len(r.latencies)) / r.elapsed.Seconds() }

// at is the latency at quantile q.
func (r result) at(q float64) time.Duration {
	return r.latencies[int(q*float64(len(r.latencies)-1))].Round(10 * time.Microsecond)
}

// and adds the requests of another load of the same operation.
func (r result) and(o result) result {
	all := slices.Concat(r.latencies, o.latencies)
	slices.Sort(all)
	return result{latencies: all, elapsed: r.elapsed + o.elapsed}
}

// target is one request a load worker repeats: a path and whose token.
type target struct{ path, token string }

// load sends requests from connections workers for duration (bounded) and
// measures them; worker i sends targets i, i+connections, … in turn to
// server.
// Any answer but 2xx stops the run.
func load(server string, targets []target, post func() (string, []byte), duration time.Duration, connections int) result {
	// DisableCompression: Go's transport would ask for gzip by itself, and
	// Proper would compress its JSON while the baseline does not.
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: connections, MaxConnsPerHost: connections, DisableCompression: true}}
	var mu sync.Mutex
	var latencies []time.Duration
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for i := range connections {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			// Connection i sends targets i, i+connections, i+2·connections…
			// in turn, so that together they go through all of them.
			for next := i; time.Now().Before(deadline); next += connections {
				url, token := server+targets[next%len(targets)].path, targets[next%len(targets)].token
				method, contentType, body := http.MethodGet, "", []byte(nil)
				if post != nil {
					method = http.MethodPost
					contentType, body = post()
				}
				req, _ := http.NewRequest(method, url, bytes.NewReader(body))
				if token != "" {
					req.Header.Set("Authorization", "Bearer "+token)
				}
				if contentType != "" {
					req.Header.Set("Content-Type", contentType)
				}
				begun := time.Now()
				res, err := client.Do(req)
				if err != nil {
					log.Fatal(err)
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode/100 != 2 {
					log.Fatalf("%s %s answered %d", method, url, res.StatusCode)
				}
				mine = append(mine, time.Since(begun))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(latencies)
	return result{latencies: latencies, elapsed: duration}
}

// timeUpload uploads an evidence file of sizeMB and compares the time with
// a plain cp of the same file on the same disk.
func timeUpload(dir, properURL, token string, project uuid.UUID, store *persistence.Store, sizeMB int) error {
	ctx := context.Background()
	milestones, err := store.Milestones().OfProject(ctx, project)
	open := slices.IndexFunc(milestones, func(m domain.Milestone) bool {
		return m.Status == domain.MilestonePlanned || m.Status == domain.MilestoneInProgress
	})
	if err != nil || open < 0 {
		return fmt.Errorf("no milestone open for evidence: %v", err)
	}
	file := filepath.Join(dir, "upload.pdf")
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	f.WriteString("%PDF-1.4\n")
	io.CopyN(f, rand.Reader, int64(sizeMB)<<20)
	f.Close()

	// Both land on the disk: Proper syncs the evidence file before it
	// answers, so the copy is synced too (cp alone would only fill the page
	// cache).
	if err := syncAll(); err != nil {
		return err
	}
	begun := time.Now()
	if out, err := exec.Command("cp", file, file+".copy").CombinedOutput(); err != nil {
		return fmt.Errorf("cp: %v: %s", err, out)
	}
	if out, err := exec.Command("sync", file+".copy").CombinedOutput(); err != nil {
		return fmt.Errorf("sync: %v: %s", err, out)
	}
	cpTime := time.Since(begun)
	if err := syncAll(); err != nil {
		return err
	}

	body, writer := io.Pipe()
	form := multipart.NewWriter(writer)
	go func() {
		form.WriteField("title", "Laporan akhir lengkap")
		part, _ := form.CreateFormFile("file", "laporan.pdf")
		src, _ := os.Open(file)
		io.Copy(part, src)
		src.Close()
		form.Close()
		writer.Close()
	}()
	req, _ := http.NewRequest(http.MethodPost, properURL+"/v1/milestones/"+milestones[open].ID.String()+"/evidence", body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	before, peak := rss(), rss()
	sampling := make(chan struct{})
	go func() {
		for {
			select {
			case <-sampling:
				return
			case <-time.After(10 * time.Millisecond):
				peak = max(peak, rss())
			}
		}
	}()
	begun = time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	uploadTime := time.Since(begun)
	close(sampling)
	if res.StatusCode != http.StatusCreated {
		return fmt.Errorf("the upload answered %d", res.StatusCode)
	}
	mb := float64(sizeMB)
	fmt.Printf("\nupload of %d MB: %.0f MB/s; cp and sync of the same file: %.0f MB/s; ratio %.2f×; RSS of the process (server and client) %d → %d MiB\n",
		sizeMB, mb/uploadTime.Seconds(), mb/cpTime.Seconds(), cpTime.Seconds()/uploadTime.Seconds(), before>>20, peak>>20)
	return nil
}

// syncAll writes every file's dirty pages to disk, so that neither timed
// copy pays for the write-back of what came before it (the test file
// itself, the copy, PostgreSQL's writes).
func syncAll() error {
	if out, err := exec.Command("sync").CombinedOutput(); err != nil {
		return fmt.Errorf("sync: %v: %s", err, out)
	}
	return nil
}

// rss reads the process's resident memory from /proc, 0 where there is none.
func rss() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
