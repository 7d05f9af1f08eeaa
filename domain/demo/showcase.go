package demo

import (
	"context"
	"fmt"

	"github.com/proper-id/proper/domain"
)

// published are the participants (by index) whose projects are on the
// showcase: the Batam, Semarang and Palembang innovations that other
// regions came to study, and three more.
var published = []int{0, 5, 22, 10, 20, 25}

// studiTiru are the visits the users told of (Klaten's two PSPK visits and
// Soppeng's MPP visit to Batam, Batanghari to Palembang, Batang's smart-city
// MoU with Semarang): which region's agency studied or adopted the
// innovation of which participant, how many days ago, what they noted and
// their documents.
var studiTiru = []struct {
	Region    string
	Innovator int
	Status    domain.ReplicationStatus
	DaysAgo   int
	Note      string
	Documents []domain.ReplicationDocument
}{
	{"Kabupaten Klaten", 0, domain.ReplicationStudied, 60, "Kunjungan pertama tim Disdukcapil Kabupaten Klaten ke Kota Batam: PSPK dan antrean daring.", nil},
	{"Kabupaten Klaten", 0, domain.ReplicationStudied, 40, "Kunjungan kedua tim Disdukcapil Kabupaten Klaten ke Kota Batam untuk mempelajari antrean daring.",
		[]domain.ReplicationDocument{{Kind: domain.DocumentBeritaAcara, Title: "Berita Acara Studi Tiru Disdukcapil Kabupaten Klaten", URL: "https://disdukcapil.klatenkab.go.id/berita-acara-studi-tiru-batam"}}},
	{"Kabupaten Klaten", 0, domain.ReplicationAdopted, 8, "Antrean daring mulai dipakai di kantor Disdukcapil Kabupaten Klaten dan dua kecamatan.", nil},
	{"Kabupaten Soppeng", 0, domain.ReplicationStudied, 25, "Studi tiru Pemerintah Kabupaten Soppeng ke Mal Pelayanan Publik (MPP) Kota Batam.", nil},
	{"Kabupaten Batanghari", 22, domain.ReplicationStudied, 18, "Studi tiru Pemerintah Kabupaten Batanghari ke Kota Palembang: layanan berbasis teknologi informasi.", nil},
	{"Kabupaten Batang", 5, domain.ReplicationStudied, 30, "Studi tiru Pemerintah Kabupaten Batang ke Kota Semarang tentang kota cerdas (smart city).",
		[]domain.ReplicationDocument{{Kind: domain.DocumentMoU, Title: "Nota Kesepahaman Pemerintah Kabupaten Batang dan Pemerintah Kota Semarang tentang Kota Cerdas", URL: "https://jdih.batangkab.go.id/mou-kota-cerdas-semarang"}}},
	{"Kabupaten Batang", 5, domain.ReplicationAdopted, 3, "Pemerintah Kabupaten Batang menetapkan peraturan bupati untuk menerapkan inovasi ini.",
		[]domain.ReplicationDocument{{Kind: domain.DocumentAdoptionSK, Title: "Peraturan Bupati Batang tentang Penerapan Kota Cerdas", URL: "https://jdih.batangkab.go.id/perbup-kota-cerdas"}}},
}

// publish puts the chosen projects on the showcase, each with its
// approved evidence public, and records the studi tiru of other regions.
func (b *builder) publish(ctx context.Context) error {
	publications := map[int]domain.Publication{}
	for _, i := range published {
		r := b.runs[i]
		t := r.p.Theme
		pub, _, err := b.s.Showcase.Publish(ctx, r.participant, r.project, domain.PublicationDraft{
			Innovation:     r.p.fill(t.Goal) + " " + r.p.fill(t.Benefits),
			PublicEvidence: r.approvedEvidence,
		})
		if err != nil {
			return fmt.Errorf("publish the project of %s: %w", r.p.Person.Name(), err)
		}
		publications[i] = pub
	}
	for _, s := range studiTiru {
		var visitor region
		for _, r := range regions {
			if r.Area == s.Region {
				visitor = r
			}
		}
		agency, err := b.agency(ctx, b.organizer, visitor.Agency, placeOf(visitor))
		if err != nil {
			return err
		}
		unit, err := b.unit(ctx, b.organizer, agency, visitingUnit)
		if err != nil {
			return err
		}
		if _, err := b.s.Showcase.RecordReplication(ctx, b.organizer, publications[s.Innovator].ID, domain.ReplicationDraft{
			AgencyID: agency, UnitID: unit, Status: string(s.Status), On: b.day(-s.DaysAgo), Note: s.Note, Documents: s.Documents}); err != nil {
			return fmt.Errorf("record the studi tiru of %s: %w", visitor.Agency, err)
		}
	}
	return nil
}
