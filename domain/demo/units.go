package demo

import (
	"context"
	"strings"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// The work units (unit kerja, OPD) of the demo's agencies. Every regional
// government has regionUnits, and the units its participants head (their
// theme's unit); its mentors, the Sekda and the Asisten, work in the
// Sekretariat Daerah. The institution's staff work in the BPSDM, a badan of
// the provincial government; the examiners at LAN RI.
var regionUnits = []string{
	mentorUnit,
	"Inspektorat Daerah",
	"Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
	"Dinas Kependudukan dan Pencatatan Sipil",
	"Dinas Komunikasi dan Informatika",
	visitingUnit,
}

const (
	// mentorUnit is the unit of the participants' mentors.
	mentorUnit = "Sekretariat Daerah"
	// visitingUnit is the unit that makes a region's studi tiru.
	visitingUnit = "Bagian Organisasi"
	// bpsdmUnit is the unit of the organizer and the coaches.
	bpsdmUnit = "Badan Pengembangan Sumber Daya Manusia"
	// lanUnit is the unit of the examiners.
	lanUnit = "Pusat Pembelajaran dan Strategi Kebijakan Manajemen Pemerintahan"
)

// placeOf writes a region's place as create-agency's one-line region.
func placeOf(r region) string { return r.Area + ", " + r.Province }

// unit creates a unit of the agency, or finds it when the agency has it
// already (unit names are unique in an agency).
func (b *builder) unit(ctx context.Context, actor *domain.Actor, agency uuid.UUID, name string) (*uuid.UUID, error) {
	u, err := b.s.Directory.CreateUnit(ctx, actor, agency, domain.UnitDraft{Name: name})
	if err == nil {
		return &u.ID, nil
	}
	if domain.KindOf(err) != domain.KindConflict {
		return nil, err
	}
	page := domain.PageRequest{Limit: domain.MaxPageSize}
	for {
		found, listErr := b.s.Directory.ListUnits(ctx, actor, agency, page)
		if listErr != nil {
			return nil, listErr
		}
		for _, u := range found.Items {
			if strings.EqualFold(u.Name, name) {
				return &u.ID, nil
			}
		}
		if found.NextCursor == "" {
			return nil, err
		}
		page.Cursor = found.NextCursor
	}
}

// regionUnitsOf creates the units every regional government of the demo
// has, and those its participants head.
func (b *builder) regionUnitsOf(ctx context.Context, r region, agency uuid.UUID) error {
	names := append([]string{}, regionUnits...)
	for _, p := range b.people {
		if p.Region.Agency == r.Agency {
			names = append(names, p.Theme.Unit)
		}
	}
	for _, name := range names {
		if _, err := b.unit(ctx, b.organizer, agency, name); err != nil {
			return err
		}
	}
	return nil
}
