-- The showcase's search reads Bahasa Indonesia by Proper's own stemmer
-- (package domain/bahasa: confix and prefix rules checked against a lexicon
-- of Indonesian roots) instead of the built-in "indonesian" Snowball
-- configuration, which split families (digital/digitalisasi → gital/
-- gitalisasi, penduduk/kependudukan) and cut roots. The stems are made in Go
-- when a publication is stored, kept in the search_* columns, and indexed
-- by the plain "simple" configuration, so that it works on any managed
-- PostgreSQL without dictionary files. The Go step of this migration fills
-- the columns of the publications there are.
ALTER TABLE publications DROP COLUMN document;
ALTER TABLE publications
    ADD COLUMN search_title text NOT NULL DEFAULT '',
    ADD COLUMN search_body  text NOT NULL DEFAULT '',
    ADD COLUMN search_tags  text NOT NULL DEFAULT '',
    ADD COLUMN search_place text NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', search_title), 'A') ||
    setweight(to_tsvector('simple', search_body), 'B') ||
    setweight(to_tsvector('simple', search_tags), 'C') ||
    setweight(to_tsvector('simple', search_place), 'D')) STORED;
CREATE INDEX publications_document ON publications USING gin (document) WHERE withdrawn_at IS NULL;

-- The synonym and abbreviation dictionary, as data: each row is a group of
-- phrases that mean the same to a visitor (daring, online). A search term
-- that is one of a group's phrases finds every phrase of the group.
CREATE TABLE search_synonyms (
    id       serial PRIMARY KEY,
    phrases  text[] NOT NULL CHECK (cardinality(phrases) >= 2),
    note     text NOT NULL DEFAULT ''
);
INSERT INTO search_synonyms (phrases, note) VALUES
    ('{daring,online,dalam jaringan}', 'dalam jaringan'),
    ('{luring,offline,luar jaringan}', 'luar jaringan'),
    ('{KTP-el,e-KTP,KTP elektronik}', 'kartu tanda penduduk elektronik'),
    ('{adminduk,dukcapil,disdukcapil,administrasi kependudukan,kependudukan dan pencatatan sipil}', 'administrasi kependudukan'),
    ('{MPP,mal pelayanan publik}', 'Permenpan-RB 23/2017'),
    ('{smart city,kota cerdas}', ''),
    ('{nontunai,non tunai,cashless}', ''),
    ('{PBB-P2,PBB,pajak bumi dan bangunan}', 'pajak bumi dan bangunan perdesaan dan perkotaan'),
    ('{perijinan,perizinan}', 'ejaan baku: izin'),
    ('{sampah,limbah,persampahan}', ''),
    ('{tengkes,stunting,gagal tumbuh}', 'istilah baku Badan Bahasa untuk stunting'),
    ('{antrean,antrian}', 'ejaan baku: antre'),
    ('{UMKM,usaha mikro kecil dan menengah}', ''),
    ('{PTSP,pelayanan terpadu satu pintu}', ''),
    ('{SPBE,sistem pemerintahan berbasis elektronik,e-government}', 'Perpres 95/2018'),
    ('{TTE,tanda tangan elektronik}', ''),
    ('{BUMDes,badan usaha milik desa}', ''),
    ('{ASN,aparatur sipil negara}', ''),
    ('{NIK,nomor induk kependudukan}', ''),
    ('{KK,kartu keluarga}', ''),
    ('{puskesmas,pusat kesehatan masyarakat}', ''),
    ('{pengaduan,keluhan,aduan}', ''),
    ('{QRIS,QR code,kode QR}', '');

-- The originality check finds a verbatim copy of a problem or goal
-- (whitespace and case aside) at any size, and alike titles by trigrams.
CREATE INDEX projects_problem_verbatim ON projects (md5(lower(btrim(regexp_replace(problem, '\s+', ' ', 'g')))));
CREATE INDEX projects_goal_verbatim ON projects (md5(lower(btrim(regexp_replace(goal, '\s+', ' ', 'g')))));
CREATE INDEX projects_title_trgm ON projects USING gin (title gin_trgm_ops);

-- Studi tiru recorded by the visitors: repeat visits of one agency are
-- separate, dated records (one a day per status), with their documents
-- (MoU/PKS, SK adopsi, berita acara: kind, title, url).
ALTER TABLE replications DROP CONSTRAINT replications_once;
ALTER TABLE replications ADD CONSTRAINT replications_once UNIQUE (publication_id, agency_id, status, happened_on);
ALTER TABLE replications ADD COLUMN documents jsonb NOT NULL DEFAULT '[]';
CREATE INDEX replications_publication_page ON replications (publication_id, happened_on DESC, id);
