//! SigV4's two forms of the signing time, in UTC: `20150830T123600Z` (the `X-Amz-Date` header)
//! and `20150830` (the credential scope), from a `SystemTime`.

use std::time::{SystemTime, UNIX_EPOCH};

/// `(YYYYMMDD, YYYYMMDD'T'HHMMSS'Z')` for `time` (before 1970 counts as 1970-01-01).
pub fn amz_date(time: SystemTime) -> (String, String) {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    let date = format!("{y:04}{m:02}{d:02}");
    let datetime = format!(
        "{date}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    );
    (date, datetime)
}

/// The proleptic Gregorian date of a day count since 1970-01-01: years are split into 400-year
/// eras of 146,097 days, each year counted from March so that the leap day ends it.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468; // days from 0000-03-01
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(secs: u64) -> (String, String) {
        amz_date(UNIX_EPOCH + Duration::from_secs(secs))
    }

    #[test]
    fn known_instants() {
        assert_eq!(at(0).1, "19700101T000000Z");
        // The test suite's signing time.
        assert_eq!(
            at(1_440_938_160),
            ("20150830".into(), "20150830T123600Z".into())
        );
        // Leap days and the end of a century that is a leap year.
        assert_eq!(at(951_782_400).1, "20000229T000000Z");
        assert_eq!(at(1_709_251_199).1, "20240229T235959Z");
        assert_eq!(at(4_107_542_400).1, "21000301T000000Z");
    }

    #[test]
    fn every_day_follows_the_one_before() {
        // Walk 200 years day by day: the date always advances by exactly one calendar day.
        let (mut y, mut m, mut d) = civil_from_days(0);
        for day in 1..(200 * 366) {
            let next = civil_from_days(day);
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let len = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ][(m - 1) as usize];
            let expected = if d < len {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
            assert_eq!(next, expected, "day {day}");
            (y, m, d) = next;
        }
    }
}
