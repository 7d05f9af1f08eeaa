// Command pocketbase is the PocketBase peer of `make bench`: PocketBase
// embedded as a library, as its users deploy it, with two collections shaped
// like Proper's projects and milestones behind an auth rule.
//
//	pocketbase seed --dir D --projects N --milestones 5 --ids ids.txt --email E --password P
//	pocketbase serve --dir D --http 127.0.0.1:8090
//
// seed creates the collections and a user, adds N projects with their
// milestones (random ids, as PocketBase makes them) and writes the
// projects' ids, one a line, for the load. serve is PocketBase's own.
//
// It is a module of its own so that Proper's go.mod does not carry
// PocketBase; its data lives wherever --dir says (the bench: a temp dir).
package main

import (
	"bufio"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
	"github.com/spf13/cobra"
)

func main() {
	// Not pocketbase.New: it turns on the development mode, which logs every
	// SQL statement, when the binary lies under the temp dir, as the bench's does.
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDev: false})
	var projects, milestones int
	var ids, email, password string
	seed := &cobra.Command{
		Use:   "seed",
		Short: "create the projects and milestones collections and seed them",
		RunE: func(*cobra.Command, []string) error {
			return seedAll(app, projects, milestones, ids, email, password)
		},
	}
	seed.Flags().IntVar(&projects, "projects", 10000, "projects to add")
	seed.Flags().IntVar(&milestones, "milestones", 5, "milestones of each project")
	seed.Flags().StringVar(&ids, "ids", "", "write the projects' ids to this file, one a line")
	seed.Flags().StringVar(&email, "email", "bench@proper.id", "the user the load signs in as")
	seed.Flags().StringVar(&password, "password", "bench-password-123", "that user's password")
	app.RootCmd.AddCommand(seed)
	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// signedIn is the list and view rule of both collections: any signed-in
// user, as Proper's admin who may see every project.
var signedIn = types.Pointer(`@request.auth.id != ""`)

// seedAll creates the collections (Proper's record shape: the project's
// design texts and status; the milestone's project, horizon, title, due date,
// position and status) and the records, in one transaction.
func seedAll(app core.App, projects, perProject int, idsFile, email, password string) error {
	begun := time.Now()
	project := core.NewBaseCollection("projects")
	project.ListRule, project.ViewRule = signedIn, signedIn
	project.Fields.Add(
		&core.TextField{Name: "title", Required: true, Max: 200},
		&core.TextField{Name: "problem", Max: 10000},
		&core.TextField{Name: "background", Max: 10000},
		&core.TextField{Name: "goal", Max: 10000},
		&core.TextField{Name: "benefits", Max: 10000},
		&core.TextField{Name: "scope", Max: 10000},
		&core.JSONField{Name: "innovation_areas"},
		&core.JSONField{Name: "stakeholders"},
		&core.SelectField{Name: "status", MaxSelect: 1, Values: []string{"draft", "design_submitted", "design_approved", "implementing", "final_submitted", "completed"}},
		&core.BoolField{Name: "revision_requested"},
		&core.NumberField{Name: "design_round", OnlyInt: true},
		&core.NumberField{Name: "version", OnlyInt: true},
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
	if err := app.Save(project); err != nil {
		return fmt.Errorf("projects collection: %w", err)
	}
	milestone := core.NewBaseCollection("milestones")
	milestone.ListRule, milestone.ViewRule = signedIn, signedIn
	milestone.Fields.Add(
		&core.RelationField{Name: "project", CollectionId: project.Id, MaxSelect: 1, Required: true, CascadeDelete: true},
		&core.SelectField{Name: "horizon", MaxSelect: 1, Values: []string{"short", "mid", "long"}, Required: true},
		&core.TextField{Name: "title", Required: true, Max: 200},
		&core.TextField{Name: "description", Max: 10000},
		&core.DateField{Name: "due_on"},
		&core.NumberField{Name: "position", OnlyInt: true},
		&core.JSONField{Name: "activities"},
		&core.SelectField{Name: "status", MaxSelect: 1, Values: []string{"planned", "in_progress", "awaiting_verification", "achieved"}},
		&core.NumberField{Name: "version", OnlyInt: true},
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
	// Proper lists a project's milestones from an index on (project, order);
	// PocketBase gets the same.
	milestone.AddIndex("idx_milestones_project", false, "project, position", "")
	if err := app.Save(milestone); err != nil {
		return fmt.Errorf("milestones collection: %w", err)
	}

	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	user := core.NewRecord(users)
	user.SetEmail(email)
	user.SetPassword(password)
	user.SetVerified(true)
	if err := app.Save(user); err != nil {
		return fmt.Errorf("user: %w", err)
	}

	out, err := os.Create(idsFile)
	if err != nil {
		return err
	}
	defer out.Close()
	w := bufio.NewWriter(out)
	horizons := []string{"short", "short", "mid", "mid", "long"}
	statuses := []string{"draft", "design_submitted", "implementing", "implementing", "final_submitted", "completed"}
	due := time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC)
	err = app.RunInTransaction(func(tx core.App) error {
		for i := range projects {
			p := core.NewRecord(project)
			p.Set("title", fmt.Sprintf("Inovasi Pelayanan Publik Nomor %d di Kabupaten Contoh", i))
			p.Set("problem", text("Warga mengantre sejak subuh untuk mengurus dokumen kependudukan", i))
			p.Set("background", text("Pelayanan administrasi masih tatap muka dan dicatat di buku", i))
			p.Set("goal", text("Waktu tunggu layanan turun di bawah tiga puluh menit", i))
			p.Set("benefits", text("Warga tidak perlu antre sejak subuh dan petugas bekerja tertib", i))
			p.Set("scope", text("Dinas Kependudukan dan Pencatatan Sipil kabupaten", i))
			p.Set("innovation_areas", []string{"pelayanan publik", "digitalisasi"})
			p.Set("stakeholders", []map[string]string{{"name": "Kepala Dinas", "power": "high", "interest": "high"}, {"name": "Warga", "power": "low", "interest": "high"}})
			p.Set("status", statuses[rand.IntN(len(statuses))])
			p.Set("design_round", 1)
			p.Set("version", 1)
			if err := tx.SaveNoValidate(p); err != nil {
				return err
			}
			fmt.Fprintln(w, p.Id)
			for j := range perProject {
				m := core.NewRecord(milestone)
				m.Set("project", p.Id)
				m.Set("horizon", horizons[j%len(horizons)])
				m.Set("title", fmt.Sprintf("Tonggak %d: terbentuknya tim efektif", j+1))
				m.Set("description", text("Tim efektif lintas bidang ditetapkan dengan surat keputusan", j))
				m.Set("due_on", due.AddDate(0, 3*j, 0))
				m.Set("position", j)
				m.Set("activities", []map[string]string{{"title": "Rapat koordinasi"}, {"title": "Penyusunan SK"}})
				m.Set("status", "planned")
				m.Set("version", 1)
				if err := tx.SaveNoValidate(m); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Printf("seeded %d projects with %d milestones each in %s\n", projects, perProject, time.Since(begun).Round(time.Second))
	return nil
}

// text is a paragraph of a few sentences built around s, of the length of
// the seeded designs' texts in Proper.
func text(s string, i int) string {
	return strings.Repeat(fmt.Sprintf("%s (%d). ", s, i), 3)
}
