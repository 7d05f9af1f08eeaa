//go:build bench

// Command load is the bench's load generator, run as a process of its own so
// that the server under test shares nothing with it but the machine: c
// connections send GET requests for d, each to a path picked at random from
// a file, with a bearer token, and it prints one line of JSON: requests,
// requests a second, p50 and p99 in milliseconds. Any answer but 2xx ends it
// with an error.
//
//	load -url http://127.0.0.1:8080 -paths paths.txt -token T -c 50 -d 10s
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Result is what one load prints.
type Result struct {
	Requests int     `json:"requests"`
	RPS      float64 `json:"rps"`
	P50      float64 `json:"p50_ms"`
	P99      float64 `json:"p99_ms"`
}

func main() {
	base := flag.String("url", "", "the server's base URL, http://host:port")
	pathsFile := flag.String("paths", "", "file of request paths (with their queries), one a line; each request takes one at random")
	token := flag.String("token", "", "bearer token sent with every request")
	connections := flag.Int("c", 50, "concurrent connections")
	duration := flag.Duration("d", 10*time.Second, "how long to load")
	flag.Parse()
	paths, err := readLines(*pathsFile)
	if err != nil || len(paths) == 0 {
		log.Fatalf("-paths: %v (%d paths)", err, len(paths))
	}
	// DisableCompression: Go's transport would ask for gzip by itself.
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *connections, MaxConnsPerHost: *connections, DisableCompression: true}}
	var mu sync.Mutex
	var latencies []time.Duration
	var failed atomic.Value
	deadline := time.Now().Add(*duration)
	var wg sync.WaitGroup
	for range *connections {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(deadline) && failed.Load() == nil {
				url := *base + paths[rand.IntN(len(paths))]
				req, _ := http.NewRequest(http.MethodGet, url, nil)
				if *token != "" {
					req.Header.Set("Authorization", "Bearer "+*token)
				}
				begun := time.Now()
				res, err := client.Do(req)
				if err != nil {
					failed.Store(err.Error())
					break
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode/100 != 2 {
					failed.Store(fmt.Sprintf("GET %s answered %d", url, res.StatusCode))
					break
				}
				mine = append(mine, time.Since(begun))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if msg := failed.Load(); msg != nil {
		log.Fatal(msg)
	}
	if len(latencies) == 0 {
		log.Fatal("no request answered")
	}
	slices.Sort(latencies)
	at := func(q float64) float64 {
		return float64(latencies[int(q*float64(len(latencies)-1))]) / float64(time.Millisecond)
	}
	json.NewEncoder(os.Stdout).Encode(Result{Requests: len(latencies), RPS: float64(len(latencies)) / duration.Seconds(), P50: at(0.50), P99: at(0.99)})
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
