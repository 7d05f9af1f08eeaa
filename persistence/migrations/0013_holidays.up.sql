-- The holiday calendar: the days off that are not weekends, national
-- holidays (libur nasional) and cuti bersama, kept as data by platform
-- admins (domain.WorkCalendar counts working days with it). Seeded with the
-- joint ministerial decree (SKB 3 Menteri) for 2026 and the expected
-- national holidays of 2027 (see docs/WORKING-DAYS-AND-CLASSES.md); admins correct
-- them. The seed is idempotent: a date that has a holiday keeps it.
CREATE TABLE holidays (
    id          uuid PRIMARY KEY,
    on_date     date NOT NULL,
    name        text NOT NULL CHECK (name <> ''),
    kind        text NOT NULL CHECK (kind IN ('national', 'joint_leave')),
    created_at  timestamptz NOT NULL,
    CONSTRAINT holidays_on_key UNIQUE (on_date)
);

INSERT INTO holidays (id, on_date, name, kind, created_at)
SELECT gen_random_uuid(), d.on_date::date, d.name, d.kind, now()
FROM (VALUES
    -- 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB
    -- Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025.
    ('2026-01-01', 'Tahun Baru 2026 Masehi', 'national'),
    ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'national'),
    ('2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'joint_leave'),
    ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'national'),
    ('2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'joint_leave'),
    ('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'national'),
    ('2026-03-20', 'Cuti bersama Idul Fitri 1447 H', 'joint_leave'),
    ('2026-03-21', 'Idul Fitri 1447 H', 'national'),
    ('2026-03-22', 'Idul Fitri 1447 H', 'national'),
    ('2026-03-23', 'Cuti bersama Idul Fitri 1447 H', 'joint_leave'),
    ('2026-03-24', 'Cuti bersama Idul Fitri 1447 H', 'joint_leave'),
    ('2026-04-03', 'Wafat Yesus Kristus', 'national'),
    ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'national'),
    ('2026-05-01', 'Hari Buruh Internasional', 'national'),
    ('2026-05-14', 'Kenaikan Yesus Kristus', 'national'),
    ('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'joint_leave'),
    ('2026-05-27', 'Idul Adha 1447 H', 'national'),
    ('2026-05-28', 'Cuti bersama Idul Adha 1447 H', 'joint_leave'),
    ('2026-05-31', 'Hari Raya Waisak 2570 BE', 'national'),
    ('2026-06-01', 'Hari Lahir Pancasila', 'national'),
    ('2026-06-16', '1 Muharam Tahun Baru Islam 1448 H', 'national'),
    ('2026-08-17', 'Proklamasi Kemerdekaan', 'national'),
    ('2026-08-25', 'Maulid Nabi Muhammad SAW', 'national'),
    ('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'joint_leave'),
    ('2026-12-25', 'Kelahiran Yesus Kristus', 'national'),
    -- 2027: the national holidays as expected from the calendars of each
    -- religion; the decree for 2027 (with its cuti bersama) replaces them
    -- through the admins' calendar screen.
    ('2027-01-01', 'Tahun Baru 2027 Masehi', 'national'),
    ('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', 'national'),
    ('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', 'national'),
    ('2027-03-08', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', 'national'),
    ('2027-03-10', 'Idul Fitri 1448 H', 'national'),
    ('2027-03-11', 'Idul Fitri 1448 H', 'national'),
    ('2027-03-26', 'Wafat Yesus Kristus', 'national'),
    ('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'national'),
    ('2027-05-01', 'Hari Buruh Internasional', 'national'),
    ('2027-05-06', 'Kenaikan Yesus Kristus', 'national'),
    ('2027-05-17', 'Idul Adha 1448 H', 'national'),
    ('2027-05-20', 'Hari Raya Waisak 2571 BE', 'national'),
    ('2027-06-01', 'Hari Lahir Pancasila', 'national'),
    ('2027-06-06', '1 Muharam Tahun Baru Islam 1449 H', 'national'),
    ('2027-08-15', 'Maulid Nabi Muhammad SAW', 'national'),
    ('2027-08-17', 'Proklamasi Kemerdekaan', 'national'),
    ('2027-12-25', 'Kelahiran Yesus Kristus', 'national')
) AS d (on_date, name, kind)
ON CONFLICT (on_date) DO NOTHING;
