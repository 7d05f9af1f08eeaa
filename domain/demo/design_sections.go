package demo

import (
	"fmt"

	"github.com/proper-id/proper/domain"
)

// designSections are a full design's structured sections (issue #22 part
// 2): success indicators from baseline to target, the tim efektif, risks
// with mitigation, resources with their source and amount, and the
// strategic alignment, worded for the participant's theme and region.
func (p participant) designSections() domain.DesignSectionChanges {
	indicators := []domain.SuccessIndicator{
		{Name: p.fill("Indeks kepuasan masyarakat atas layanan {unit}"), Baseline: fmt.Sprint(68 + p.Index%7), Target: "85", Unit: "%"},
		{Name: "Waktu penyelesaian layanan", Baseline: fmt.Sprint(5 + p.Index%4), Target: "2", Unit: "hari kerja"},
		{Name: "SOP layanan hasil perubahan", Baseline: "belum ada", Target: "ditetapkan dengan keputusan kepala perangkat daerah"},
	}
	team := domain.Team{Sponsor: p.Region.Head, Mentor: "Sekretaris Daerah " + p.Region.Area, ProjectLeader: p.Person.Name() + ", " + p.Position(),
		Members: []domain.TeamMember{
			{Name: "Sekretaris " + p.Theme.Unit, Role: "Pengarah administrasi dan anggaran"},
			{Name: "Kepala Subbagian Perencanaan", Role: "Penyusun rencana aksi dan pelaporan"},
			{Name: "Pranata Komputer Ahli Pertama", Role: "Pengembang sistem informasi"},
			{Name: "Dua orang pelaksana layanan", Role: "Uji coba dan umpan balik pengguna"}}}
	risks := []domain.Risk{
		{Description: "Pegawai enggan meninggalkan cara kerja lama", Mitigation: "Sosialisasi bertahap, pendampingan di loket dan penghargaan bagi unit yang lebih dahulu menerapkan."},
		{Description: "Anggaran perubahan belum tersedia pada tahun berjalan", Mitigation: "Memakai sumber daya yang ada pada tahap uji coba dan mengusulkan anggaran pada APBD Perubahan."},
	}
	resources := []domain.Resource{
		{Name: "Sosialisasi dan pelatihan petugas", Source: "APBD " + p.Region.Area, AmountRupiah: 12_500_000 + int64(p.Index%5)*1_000_000},
		{Name: "Pengembangan aplikasi dan perangkat", Source: "APBD " + p.Region.Area, AmountRupiah: 35_000_000 + int64(p.Index%3)*5_000_000},
		{Name: "Tenaga pendamping dari Diskominfo", Source: "Sumber daya internal", AmountRupiah: 0},
	}
	alignment := "RPJMD " + p.Region.Area + " 2025–2029, misi peningkatan kualitas pelayanan publik; " + p.fill("Renstra {unit} 2025–2029, sasaran percepatan dan kemudahan layanan.")
	return domain.DesignSectionChanges{SuccessIndicators: &indicators, Team: &team, Risks: &risks, Resources: &resources, StrategicAlignment: &alignment}
}
