//! Calendar dates: parsing the forms news text uses ('2025-03-13', 'March 13, 2025',
//! '13 March 2025', 'Feb. 28') and the arithmetic event grouping needs.

use std::fmt;

/// A calendar date. `year` is `None` for dates written without one ('February 28').
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year, when written.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
}

impl Date {
    /// A full date, when it exists on the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(Some(year), month))
            .map(|_| Date {
                year: Some(year),
                month,
                day,
            })
    }

    /// Parses an ISO date `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Date::ymd(y, m, d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for full dates.
    pub fn days(&self) -> Option<i64> {
        let y = self.year? as i64;
        let (m, d) = (self.month as i64, self.day as i64);
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146097 + doe - 719468)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            Some(_) => 28,
            None => 29,
        },
        _ => 31,
    }
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month number of an English month name or abbreviation ('March', 'Mar', 'Sept').
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    MONTH_NAMES
        .iter()
        .position(|m| w == *m || ((3..=4).contains(&w.len()) && m.starts_with(w.as_str())))
        .map(|i| i as u8 + 1)
}

/// Weekday number (Monday = 0) of an English weekday name.
pub fn weekday_number(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    WEEKDAY_NAMES.iter().position(|d| w == *d).map(|i| i as u8)
}

/// A date found in text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    /// The date.
    pub date: Date,
    /// Byte start in the text searched.
    pub start: usize,
    /// Byte end in the text searched.
    pub end: usize,
}

/// Finds every date in `text`: ISO ('2025-03-13'), slashed ISO ('2025/03/13'),
/// 'March 13, 2025', 'Mar. 13 2025', '13 March 2025', and year-less 'February 28' /
/// '28 February'.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (s, e, t) = toks[i];
        // ISO forms inside one token.
        if let Some(d) = parse_iso_like(t) {
            out.push(DateMatch {
                date: d,
                start: s,
                end: e,
            });
            i += 1;
            continue;
        }
        if let Some(m) = month_number(t)
            .filter(|_| t.len() >= 3 && t.chars().next().is_some_and(char::is_uppercase))
        {
            // Month Day[,] [Year]
            if let Some(&(_, de, dt)) = toks.get(i + 1) {
                if let Some(day) = day_number(dt) {
                    let mut end = de;
                    let mut year = None;
                    if let Some(&(_, ye, yt)) = toks.get(i + 2) {
                        if let Some(y) = year_number(yt) {
                            year = Some(y);
                            end = ye;
                        }
                    }
                    if let Some(date) = make(year, m, day) {
                        out.push(DateMatch {
                            date,
                            start: s,
                            end,
                        });
                        i += if year.is_some() { 3 } else { 2 };
                        continue;
                    }
                }
            }
        }
        if let Some(day) = day_number(t) {
            // Day Month [Year]
            if let Some(&(_, me, mt)) = toks.get(i + 1) {
                if let Some(m) = month_number(mt)
                    .filter(|_| mt.len() >= 3 && mt.chars().next().is_some_and(char::is_uppercase))
                {
                    let mut end = me;
                    let mut year = None;
                    if let Some(&(_, ye, yt)) = toks.get(i + 2) {
                        if let Some(y) = year_number(yt) {
                            year = Some(y);
                            end = ye;
                        }
                    }
                    if let Some(date) = make(year, m, day) {
                        out.push(DateMatch {
                            date,
                            start: s,
                            end,
                        });
                        i += if year.is_some() { 3 } else { 2 };
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    out
}

fn make(year: Option<i32>, month: u8, day: u8) -> Option<Date> {
    match year {
        Some(y) => Date::ymd(y, month, day),
        None => (day <= days_in_month(None, month)).then_some(Date {
            year: None,
            month,
            day,
        }),
    }
}

fn parse_iso_like(t: &str) -> Option<Date> {
    // An ISO 8601 timestamp: '2025-06-04T18:30:00+02:00' holds the date before its 'T'.
    let t = match (t.get(..10), t.as_bytes().get(10)) {
        (Some(date), Some(b'T')) => date,
        _ => t,
    };
    if t.len() < 8 || t.len() > 10 || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let sep = if t.contains('-') {
        '-'
    } else if t.contains('/') {
        '/'
    } else {
        return None;
    };
    let mut parts = t.split(sep);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || m.is_empty()
        || m.len() > 2
        || d.is_empty()
        || d.len() > 2
    {
        return None;
    }
    Date::ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn day_number(t: &str) -> Option<u8> {
    let t = t.trim_end_matches([',', '.']);
    let t = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    if t.is_empty() || t.len() > 2 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u8 = t.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(t: &str) -> Option<i32> {
    let t = t.trim_end_matches([',', '.', ')']);
    // A year glued to a clock time by a hyphen ('August 7, 2012-5:46 pm').
    let t = match t.split_once('-') {
        Some((year, time)) if is_clock(time) => year,
        _ => t,
    };
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = t.parse().ok()?;
    (1800..=2200).contains(&y).then_some(y)
}

/// 'H:MM' or 'HH:MM'.
fn is_clock(t: &str) -> bool {
    t.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    })
}

/// Whitespace-separated tokens with leading punctuation trimmed: (start, end, text).
fn tokens(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() || c == '|' {
            if let Some(s) = start.take() {
                let raw: &str = &text[s..i];
                let trimmed = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
                let s2 = s + (raw.len() - trimmed.len());
                let trimmed = trimmed
                    .trim_end_matches(|c: char| !(c.is_alphanumeric() || c == ',' || c == '.'));
                if !trimmed.is_empty() {
                    out.push((s2, s2 + trimmed.len(), trimmed));
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_common_forms() {
        let d = find_dates("Xinhua | Updated: 2025-03-13 21:11");
        assert_eq!(d[0].date.to_string(), "2025-03-13");
        let d = find_dates("Published March 13, 2025 at noon");
        assert_eq!(d[0].date.to_string(), "2025-03-13");
        assert_eq!(
            &"Published March 13, 2025 at noon"[d[0].start..d[0].end],
            "March 13, 2025"
        );
        let d = find_dates("on 3 December 2025.");
        assert_eq!(d[0].date.to_string(), "2025-12-03");
        let d = find_dates("since February 28, which");
        assert_eq!(
            d[0].date,
            Date {
                year: None,
                month: 2,
                day: 28
            }
        );
        let d = find_dates("Feb. 28 talks");
        assert_eq!(d[0].date.month, 2);
        let d = find_dates("June 7, 2019-6:05 am");
        assert_eq!(d[0].date.to_string(), "2019-06-07");
        let d = find_dates("in June 7, 2019-2020");
        assert_eq!(d[0].date.year, None, "a range is no year");
        let d = find_dates("datePublished 2025-06-04T18:30:00+02:00");
        assert_eq!(d[0].date.to_string(), "2025-06-04");
        let d = find_dates("Published: Oct. 21, 2025");
        assert_eq!(d[0].date.to_string(), "2025-10-21");
    }

    #[test]
    fn rejects_non_dates() {
        assert!(find_dates("May I help you? 2025-13-45").is_empty());
        assert!(find_dates("may 5 people").is_empty());
        assert!(Date::parse_iso("2025-02-30").is_none());
    }

    #[test]
    fn day_arithmetic() {
        let a = Date::parse_iso("2025-03-13").unwrap().days().unwrap();
        let b = Date::parse_iso("2025-12-03").unwrap().days().unwrap();
        assert_eq!(b - a, 265);
        assert_eq!(Date::parse_iso("1970-01-01").unwrap().days(), Some(0));
    }
}
