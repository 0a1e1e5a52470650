//! Dates at the precision the source gives them: a day, a month or a year.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::Month;

/// How much of a date is known, so the site never claims more than its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

/// A calendar date known to a day, a month or only a year, written in ISO 8601
/// (`2022-11-02`, `2023-03`, `2023`) in sources and JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string was refused, in words an editor can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

fn number(part: &str, digits: usize, what: &str, input: &str) -> Result<u32, DateError> {
    if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError(format!(
            "\"{input}\" is not a date: the {what} must be {digits} digits (use YYYY-MM-DD, YYYY-MM or YYYY)"
        )));
    }
    part.parse()
        .map_err(|_| DateError(format!("\"{input}\" is not a date")))
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, refusing impossible dates.
    pub fn parse(input: &str) -> Result<Self, DateError> {
        let parts: Vec<&str> = input.split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateError(format!(
                "\"{input}\" is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"
            )));
        }
        let year = number(parts[0], 4, "year", input)? as i32;
        let month = match parts.get(1) {
            Some(m) => {
                let m = number(m, 2, "month", input)?;
                if !(1..=12).contains(&m) {
                    return Err(DateError(format!(
                        "\"{input}\" is not a date: there is no month {m}"
                    )));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(m)) => {
                let d = number(d, 2, "day", input)?;
                let month = Month::try_from(m).map_err(|_| DateError(input.to_string()))?;
                let last = time::util::days_in_month(month, year);
                if d == 0 || d > u32::from(last) {
                    return Err(DateError(format!(
                        "\"{input}\" is not a date: {month} {year} has {last} days"
                    )));
                }
                Some(d as u8)
            }
            _ => None,
        };
        Ok(Self { year, month, day })
    }

    /// A date known to the day, for "today" and tests.
    pub fn day(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        Self::parse(&format!("{year:04}-{month:02}-{day:02}"))
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The year, for grouping.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The last day this date could mean, so "has it passed?" is never early.
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| {
            Month::try_from(month)
                .map(|m| time::util::days_in_month(m, self.year))
                .unwrap_or(31)
        });
        (self.year, month, day)
    }

    /// The first day this date could mean.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// True when every day this date could mean is before `today`.
    pub fn has_passed(&self, today: &PartialDate) -> bool {
        self.last_day() < today.last_day()
    }

    /// The ISO 8601 form, for `<time datetime>` and JSON.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// The form readers see in British English: "2 November 2023", "March 2023", "2023".
    pub fn long(&self) -> String {
        let month = self.month.and_then(|m| Month::try_from(m).ok());
        match (month, self.day) {
            (Some(m), Some(d)) => format!("{d} {m} {}", self.year),
            (Some(m), None) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// The date after its preposition, so a sentence reads "on 2 November 2023" but "in March 2023".
    pub fn when(&self) -> String {
        let on = if self.day.is_some() { "on" } else { "in" };
        format!("{on} {}", self.long())
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "As exactly as you know it: a day (2023-11-02), a month (2023-11) or a year (2023)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("2022-11-02").map(|d| d.precision()),
            Ok(Precision::Day)
        );
        assert_eq!(
            PartialDate::parse("2023-03").map(|d| d.precision()),
            Ok(Precision::Month)
        );
        assert_eq!(
            PartialDate::parse("2023").map(|d| d.precision()),
            Ok(Precision::Year)
        );
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        for bad in [
            "2023-02-29",
            "2023-13",
            "2023-00",
            "2023-11-31",
            "23-11-02",
            "2023-1-2",
            "2 November 2023",
            "",
            "2023-11-02-01",
            "2023-11-0x",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should fail");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok(), "leap day");
    }

    #[test]
    fn formats_at_its_own_precision() {
        let long = |s: &str| PartialDate::parse(s).map(|d| d.long());
        assert_eq!(long("2022-11-02"), Ok("2 November 2022".into()));
        assert_eq!(long("2023-03"), Ok("March 2023".into()));
        assert_eq!(long("2023"), Ok("2023".into()));
        assert_eq!(
            PartialDate::parse("2023-03").map(|d| d.iso()),
            Ok("2023-03".into())
        );
    }

    #[test]
    fn a_day_is_on_and_a_month_or_year_is_in() {
        let when = |text: &str| PartialDate::parse(text).map(|d| d.when());
        assert_eq!(when("2022-11-02").as_deref(), Ok("on 2 November 2022"));
        assert_eq!(when("2023-03").as_deref(), Ok("in March 2023"));
        assert_eq!(when("2025").as_deref(), Ok("in 2025"));
    }

    #[test]
    fn orders_by_time_then_precision() {
        let mut dates: Vec<PartialDate> = ["2023-11-02", "2022-11-02", "2023", "2023-03"]
            .iter()
            .filter_map(|s| PartialDate::parse(s).ok())
            .collect();
        dates.sort();
        let iso: Vec<String> = dates.iter().map(|d| d.iso()).collect();
        assert_eq!(iso, ["2022-11-02", "2023", "2023-03", "2023-11-02"]);
    }

    #[test]
    fn has_passed_counts_the_whole_period() {
        let d = |s: &str| PartialDate::parse(s).unwrap_or_else(|e| panic!("{e}"));
        assert!(!d("2025").has_passed(&d("2025-12-31")));
        assert!(d("2025").has_passed(&d("2026-01-01")));
        assert!(!d("2023-03").has_passed(&d("2023-03-31")));
        assert!(d("2023-03").has_passed(&d("2023-04-01")));
    }

    #[test]
    fn round_trips_through_json() {
        let date = PartialDate::parse("2023-03").unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_string(&date).unwrap_or_default();
        assert_eq!(json, "\"2023-03\"");
        let back: Result<PartialDate, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(date));
        assert!(serde_json::from_str::<PartialDate>("\"2023-02-30\"").is_err());
    }
}
