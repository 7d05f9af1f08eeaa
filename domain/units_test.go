package domain

import (
	"testing"

	"github.com/google/uuid"
)

func TestAPlaceIsAProvinceAndARegencyWrittenOneWay(t *testing.T) {
	for _, tc := range []struct {
		province, regency string
		want              Place
		region            string
	}{
		{"Kepulauan Riau", "Kota Batam", Place{"Kepulauan Riau", "Kota Batam"}, "Kota Batam, Kepulauan Riau"},
		{"provinsi jawa tengah", "kab. Klaten", Place{"Jawa Tengah", "Kabupaten Klaten"}, "Kabupaten Klaten, Jawa Tengah"},
		{"Jateng", "kabupaten  Batang", Place{"Jawa Tengah", "Kabupaten Batang"}, "Kabupaten Batang, Jawa Tengah"},
		{"DIY", "", Place{"DI Yogyakarta", ""}, "DI Yogyakarta"},
		{"", "", Place{}, ""},
	} {
		got, err := NewPlace(tc.province, tc.regency)
		if err != nil || got != tc.want || got.Region() != tc.region {
			t.Errorf("NewPlace(%q, %q) = %+v (%q), %v; want %+v (%q)", tc.province, tc.regency, got, got.Region(), err, tc.want, tc.region)
		}
	}
}

func TestAPlaceRefusesUnknownProvincesAndBareRegencies(t *testing.T) {
	for _, tc := range []struct {
		province, regency string
		field             string
		code              Code
	}{
		{"Jawa Tengah Raya", "", "province", CodeProvinceUnknown},
		{"Jawa Tengah", "Klaten", "regency", CodeRegencyForm},
		{"Jawa Tengah", "Kabupaten", "regency", CodeRegencyForm},
		{"", "Kabupaten Klaten", "province", CodeRegencyNeedsProvince},
	} {
		_, err := NewPlace(tc.province, tc.regency)
		if !unitFieldError(err, tc.field, tc.code) {
			t.Errorf("NewPlace(%q, %q) = %v; want %s on %s", tc.province, tc.regency, err, tc.code, tc.field)
		}
	}
}

func TestTheFirstAPIsRegionBecomesAPlace(t *testing.T) {
	for region, want := range map[string]Place{
		"Kepulauan Riau":                 Place{Province: "Kepulauan Riau"},
		"Kota Batam, Kepulauan Riau":     Place{Province: "Kepulauan Riau", Regency: "Kota Batam"},
		"Kab. Soppeng, Sulawesi Selatan": Place{Province: "Sulawesi Selatan", Regency: "Kabupaten Soppeng"},
		"":                               {},
	} {
		if got, err := PlaceOfRegion(region); err != nil || got != want {
			t.Errorf("PlaceOfRegion(%q) = %+v, %v; want %+v", region, got, err, want)
		}
	}
	for region, code := range map[string]Code{
		"Kota Batam":           CodeRegencyNeedsProvince,
		"Nusantara Raya":       CodeRegionForm,
		"Kota Batam, Atlantis": CodeRegionForm,
	} {
		if _, err := PlaceOfRegion(region); !unitFieldError(err, "region", code) {
			t.Errorf("PlaceOfRegion(%q) = %v; want %s on region", region, err, code)
		}
	}
}

func TestAUnitsKindIsGuessedFromItsName(t *testing.T) {
	for name, want := range map[string]UnitKind{
		"Dinas Kependudukan dan Pencatatan Sipil": UnitDinas,
		"Disdukcapil":                        UnitDinas,
		"Diskominfo":                         UnitDinas,
		"Bappeda":                            UnitBadan,
		"Badan Pendapatan Daerah":            UnitBadan,
		"Inspektorat Daerah":                 UnitInspektorat,
		"Bagian Organisasi":                  UnitBagian,
		"Sekretariat Daerah":                 UnitSekretariat,
		"Setda":                              UnitSekretariat,
		"Direktorat Jenderal Otonomi Daerah": UnitDirektorat,
		"Kecamatan Batam Kota":               UnitKecamatan,
		"UPT Puskesmas":                      UnitOther,
	} {
		if got := GuessUnitKind(name); got != want {
			t.Errorf("GuessUnitKind(%q) = %s, want %s", name, got, want)
		}
	}
}

func TestAUnitNeedsANameAndAKnownKind(t *testing.T) {
	agency := uuid.New()
	u, err := NewUnit(agency, UnitDraft{Name: "  Dinas   Kesehatan "}, testNow)
	if err != nil || u.Name != "Dinas Kesehatan" || u.Kind != UnitDinas || u.AgencyID != agency || u.Version != 1 {
		t.Fatalf("NewUnit = %+v, %v", u, err)
	}
	if _, err := NewUnit(agency, UnitDraft{Name: ""}, testNow); !unitFieldError(err, "name", CodeFieldRequired) {
		t.Errorf("a unit without a name: %v", err)
	}
	if _, err := NewUnit(agency, UnitDraft{Name: "Dinas Kesehatan", Kind: "kementerian"}, testNow); !unitFieldError(err, "kind", CodeFieldNotOneOf) {
		t.Errorf("a unit of an unknown kind: %v", err)
	}
	if u.Kind.Label() != "Dinas" || UnitOther.Label() != "Lainnya" {
		t.Errorf("labels: %q, %q", u.Kind.Label(), UnitOther.Label())
	}
}

func TestChangingAPersonsAgencyLeavesTheOldAgencysUnit(t *testing.T) {
	agency, other, unit := uuid.New(), uuid.New(), uuid.New()
	u := User{AgencyID: &agency, UnitID: &unit}
	if err := u.apply(UserChanges{AgencyID: &agency}); err != nil || u.UnitID == nil {
		t.Fatalf("the same agency again keeps the unit: %+v, %v", u, err)
	}
	if err := u.apply(UserChanges{AgencyID: &other}); err != nil || u.UnitID != nil {
		t.Fatalf("another agency drops the unit: %+v, %v", u, err)
	}
	newUnit := uuid.New()
	if err := u.apply(UserChanges{AgencyID: &agency, UnitID: &newUnit}); err != nil || *u.UnitID != newUnit {
		t.Fatalf("an agency with its unit: %+v, %v", u, err)
	}
	if err := u.apply(UserChanges{ClearUnit: true}); err != nil || u.UnitID != nil || u.AgencyID == nil {
		t.Fatalf("clearing the unit keeps the agency: %+v, %v", u, err)
	}
}

func TestARosterUnitNeedsTheRowsAgency(t *testing.T) {
	row := RosterRow{Line: 2, Name: "Budi", Email: "budi@batam.go.id", MentorEmail: "azwan@batam.go.id", MentorName: "Azwan",
		Unit: "Disdukcapil", MentorUnit: "Sekretariat Daerah"}
	_, err := CheckRoster([]RosterRow{row})
	if !unitFieldError(err, "rows[2].unit", CodeRosterUnitWithoutAgency) || !unitFieldError(err, "rows[2].mentor_unit", CodeRosterUnitWithoutAgency) {
		t.Fatalf("units without an agency: %v", err)
	}
	row.Agency = "Pemerintah Kota Batam"
	rows, err := CheckRoster([]RosterRow{row})
	if err != nil || rows[0].Unit != "Disdukcapil" || rows[0].MentorUnit != "Sekretariat Daerah" {
		t.Fatalf("units with their agency: %+v, %v", rows, err)
	}
}

// unitFieldError reports whether err names field with code.
func unitFieldError(err error, field string, code Code) bool {
	e, ok := err.(*Error)
	if !ok {
		return false
	}
	for _, f := range e.Fields {
		if f.Field == field && f.Code == code {
			return true
		}
	}
	return false
}
