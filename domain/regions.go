package domain

import (
	"strings"
	"unicode/utf8"
)

// Provinces are Indonesia's 38 provinces (provinsi) as of the 2022
// expansion in Papua, in their official short form. An agency's province is
// one of them, so that the showcase filters a province by one spelling; the
// list is data, extended here when a province is formed.
var Provinces = []string{
	"Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan", "Bengkulu", "Lampung",
	"Kepulauan Bangka Belitung", "Kepulauan Riau", "DKI Jakarta", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta",
	"Jawa Timur", "Banten", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
	"Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
	"Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo", "Sulawesi Barat", "Maluku",
	"Maluku Utara", "Papua Barat", "Papua Barat Daya", "Papua", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
}

// provinceAliases are other ways people write a province, by lower case.
var provinceAliases = map[string]string{
	"daerah istimewa yogyakarta": "DI Yogyakarta", "d.i. yogyakarta": "DI Yogyakarta", "diy": "DI Yogyakarta", "yogyakarta": "DI Yogyakarta",
	"daerah khusus ibukota jakarta": "DKI Jakarta", "dki": "DKI Jakarta", "jakarta": "DKI Jakarta", "daerah khusus jakarta": "DKI Jakarta",
	"kepri": "Kepulauan Riau", "babel": "Kepulauan Bangka Belitung", "bangka belitung": "Kepulauan Bangka Belitung",
	"nad": "Aceh", "nanggroe aceh darussalam": "Aceh", "ntb": "Nusa Tenggara Barat", "ntt": "Nusa Tenggara Timur",
	"jabar": "Jawa Barat", "jateng": "Jawa Tengah", "jatim": "Jawa Timur", "sulsel": "Sulawesi Selatan", "sumsel": "Sumatera Selatan",
	"sumut": "Sumatera Utara", "sumbar": "Sumatera Barat", "kaltim": "Kalimantan Timur", "kalsel": "Kalimantan Selatan",
}

// Place is where an agency is: its province and its regency or city
// (kabupaten/kota). Both are empty for a central agency (a ministry or
// national body, K/L); the regency is empty for a provincial one.
type Place struct {
	// Province is one of Provinces, e.g. "Jawa Tengah".
	Province string
	// Regency is the kabupaten or kota in its full form, e.g. "Kabupaten
	// Klaten" or "Kota Batam".
	Regency string
}

// Region is how a place is written in one line: "Kota Batam, Kepulauan
// Riau", "Jawa Timur" for a province, "" for a central agency. Answers keep
// it beside the structured fields for clients that knew only a region.
func (p Place) Region() string {
	switch {
	case p.Regency == "":
		return p.Province
	case p.Province == "":
		return p.Regency
	}
	return p.Regency + ", " + p.Province
}

// ParseProvince returns the official spelling of a province written in any
// case, with or without "Provinsi", or by a common alias ("Jateng", "DIY");
// "" for an empty text. Anything else is an Invalid error on field.
func ParseProvince(field, s string) (string, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", nil
	}
	key := strings.ToLower(s)
	key = strings.TrimPrefix(key, "provinsi ")
	key = strings.TrimPrefix(key, "prov. ")
	for _, p := range Provinces {
		if strings.ToLower(p) == key {
			return p, nil
		}
	}
	if p, ok := provinceAliases[key]; ok {
		return p, nil
	}
	return "", Invalid(field, CodeProvinceUnknown)
}

// ParseRegency returns a regency or city in its full form: "Kabupaten
// Klaten", "Kota Batam", "Kota Administrasi Jakarta Pusat". "Kab." and
// "Kab" are written out, and the first word is capitalised; "" for an empty
// text. A name that does not begin with Kabupaten or Kota is an Invalid
// error on field: "Klaten" alone could be either.
func ParseRegency(field, s string) (string, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", nil
	}
	if err := CheckSingleLine(field, s); err != nil {
		return "", err
	}
	if utf8.RuneCountInString(s) > MaxTextLength {
		return "", Invalid(field, CodeFieldTooLong, Params{"max": MaxTextLength})
	}
	first, rest, _ := strings.Cut(s, " ")
	switch strings.ToLower(first) {
	case "kabupaten", "kab.", "kab":
		first = "Kabupaten"
	case "kota":
		first = "Kota"
	default:
		return "", Invalid(field, CodeRegencyForm)
	}
	if strings.TrimSpace(rest) == "" {
		return "", Invalid(field, CodeRegencyForm)
	}
	return first + " " + rest, nil
}

// NewPlace validates a province and a regency: each well formed, and a
// regency only within a province.
func NewPlace(province, regency string) (Place, error) {
	var v Violations
	var p Place
	var err error
	p.Province, err = ParseProvince("province", province)
	v.AddError("province", err)
	p.Regency, err = ParseRegency("regency", regency)
	v.AddError("regency", err)
	if err == nil && p.Regency != "" && strings.TrimSpace(province) == "" {
		v.Add("province", CodeRegencyNeedsProvince)
	}
	return p, v.Err()
}

// PlaceOfRegion reads the one-line region of the first API
// ("Kepulauan Riau", or "Kota Batam, Kepulauan Riau"), as create-agency
// still accepts it, reporting problems on field "region": a province, or a
// regency and its province separated by a comma. (Agencies registered
// before provinces were checked keep their region as their province: the
// migration moved it there.)
func PlaceOfRegion(region string) (Place, error) {
	region = strings.Join(strings.Fields(region), " ")
	if region == "" {
		return Place{}, nil
	}
	if regency, province, ok := strings.Cut(region, ","); ok {
		p, err := NewPlace(province, regency)
		if err != nil {
			return Place{}, Invalid("region", CodeRegionForm)
		}
		return p, nil
	}
	if p, err := ParseProvince("region", region); err == nil {
		return Place{Province: p}, nil
	}
	if r, err := ParseRegency("region", region); err == nil {
		return Place{}, Invalid("region", CodeRegencyNeedsProvince, Params{"regency": r})
	}
	return Place{}, Invalid("region", CodeRegionForm)
}
