//! Handing the reader to WriteToThem (mySociety), where they write and send in their
//! own words. Its front page takes the postcode as `pc`, so the built page's plain form
//! works with scripts off; `a=WMC` goes straight to the reader's MP.

use crate::postcode::Postcode;

/// WriteToThem's front page: the built form's `action`, and the security policy's `form-action`.
pub const WRITE_TO_THEM: &str = "https://www.writetothem.com/";

/// The field WriteToThem reads the postcode from.
pub const POSTCODE_FIELD: &str = "pc";

/// Straight to writing to the reader's MP.
pub fn to_mp(postcode: &Postcode) -> String {
    format!(
        "{WRITE_TO_THEM}?a=WMC&{POSTCODE_FIELD}={}",
        postcode.compact()
    )
}

/// To every representative the reader has, devolved ones included, to choose from.
pub fn to_all(postcode: &Postcode) -> String {
    format!("{WRITE_TO_THEM}?{POSTCODE_FIELD}={}", postcode.compact())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_arrives_with_their_postcode_filled_in() {
        let pc = Postcode::parse("cf10 1ep").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(to_mp(&pc), "https://www.writetothem.com/?a=WMC&pc=CF101EP");
        assert_eq!(to_all(&pc), "https://www.writetothem.com/?pc=CF101EP");
    }
}
