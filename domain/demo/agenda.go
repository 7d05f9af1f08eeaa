package demo

import (
	"context"

	"github.com/proper-id/proper/domain"
)

// planAgenda gives the cohort the full agenda of a PKN II cohort of the
// 2022+ blended pattern (DOMAIN-NOTES): pembelajaran mandiri on the LMS
// (21 days), klasikal on campus (10 days), taking ownership, the seminar
// rancangan, the laboratorium kepemimpinan with two coaching sessions,
// visitasi kepemimpinan, the seminar laporan, the closing, and the
// evaluasi pascapelatihan four months after it. The four items the cohort
// was created with (its phases) keep their dates, except taking ownership,
// which follows the classes instead of spanning them; the laboratorium
// keeps the demo's longer story (it began 56 days ago and ends in 28).
func (b *builder) planAgenda(ctx context.Context) error {
	agenda, err := b.s.Cohorts.Agenda(ctx, b.organizer, b.cohort.ID)
	if err != nil {
		return err
	}
	campus := "Kampus BPSDM Provinsi Jawa Timur, Jl. Kawi No. 41, Malang"
	for _, it := range agenda.Items {
		ch := domain.AgendaItemChanges{}
		switch it.Kind {
		case domain.AgendaTakingOwnership:
			from, to := b.day(-69), b.day(-64)
			place := "Instansi masing-masing peserta"
			ch = domain.AgendaItemChanges{StartsOn: &from, EndsOn: &to, Place: &place}
		case domain.AgendaDesignSeminar, domain.AgendaFinalSeminar:
			ch.Place = &campus
		default:
			continue
		}
		if _, err := b.s.Cohorts.UpdateAgendaItem(ctx, b.organizer, it.ID, ch, nil); err != nil {
			return err
		}
	}
	for _, p := range []domain.AgendaItemPlan{
		{Kind: string(domain.AgendaMandiri), StartsOn: b.day(-100), EndsOn: b.day(-80), Place: "LMS BPSDM Jawa Timur",
			OnlineURL: "https://lms.bpsdm.jatimprov.go.id/", Notes: "Modul kepemimpinan strategis dan wawasan kebangsaan; selesaikan setiap evaluasi modul."},
		{Kind: string(domain.AgendaKlasikal), StartsOn: b.day(-79), EndsOn: b.day(-70), Place: campus},
		{Kind: string(domain.AgendaCoaching), Title: "Coaching I: kemajuan laboratorium kepemimpinan", StartsOn: b.day(-30), EndsOn: b.day(-30),
			OnlineURL: "https://zoom.us/j/81234567890", Notes: "Siapkan bukti dukung tahapan jangka pendek yang sudah tercapai."},
		{Kind: string(domain.AgendaCoaching), Title: "Coaching II: persiapan laporan akhir", StartsOn: b.day(7), EndsOn: b.day(7),
			OnlineURL: "https://zoom.us/j/81234567891"},
		{Kind: string(domain.AgendaVisitasi), StartsOn: b.day(14), EndsOn: b.day(18), Place: "Pemerintah Kabupaten Banyuwangi"},
		{Kind: string(domain.AgendaClosing), StartsOn: b.day(45), EndsOn: b.day(45), Place: campus},
		{Kind: string(domain.AgendaPostEvaluation), StartsOn: b.day(165), EndsOn: b.day(176),
			Notes: "Kuesioner kepada alumni dan mentor tentang keberlanjutan proyek perubahan."},
	} {
		if _, err := b.s.Cohorts.CreateAgendaItem(ctx, b.organizer, b.cohort.ID, p); err != nil {
			return err
		}
	}
	return nil
}
