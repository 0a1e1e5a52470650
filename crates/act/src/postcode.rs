//! A UK postcode as a reader types it: any case, with or without the space, checked
//! against the format Royal Mail uses, with errors worded as GOV.UK words them.

/// A postcode in its standard form: capitals, one space before the last three characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Postcode(String);

/// What is wrong with what was typed, said as what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostcodeError {
    /// Nothing was typed.
    Empty,
    /// It is not a UK postcode's shape.
    NotAPostcode,
}

impl PostcodeError {
    /// The message the field and the error summary show.
    pub fn message(self) -> &'static str {
        match self {
            PostcodeError::Empty => "Enter your postcode",
            PostcodeError::NotAPostcode => "Enter a real postcode, like SW1A 1AA",
        }
    }
}

/// True for the outward code's shapes: A9, A99, AA9, AA99, A9A, AA9A.
fn is_outward(code: &[u8]) -> bool {
    let letter = |b: &u8| b.is_ascii_uppercase();
    let digit = |b: &u8| b.is_ascii_digit();
    match code {
        [a, b] => letter(a) && digit(b),
        [a, b, c] => {
            letter(a) && ((digit(b) && (digit(c) || letter(c))) || (letter(b) && digit(c)))
        }
        [a, b, c, d] => letter(a) && letter(b) && digit(c) && (digit(d) || letter(d)),
        _ => false,
    }
}

impl Postcode {
    /// Reads what the reader typed: spaces anywhere and any case are fine.
    pub fn parse(typed: &str) -> Result<Postcode, PostcodeError> {
        let compact: String = typed
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() {
            return Err(PostcodeError::Empty);
        }
        let bytes = compact.as_bytes();
        if !(5..=7).contains(&bytes.len()) {
            return Err(PostcodeError::NotAPostcode);
        }
        let (outward, inward) = bytes.split_at(bytes.len() - 3);
        let inward_ok =
            inward[0].is_ascii_digit() && inward[1..].iter().all(u8::is_ascii_uppercase);
        if !(inward_ok && (is_outward(outward) || outward == b"GIR")) {
            return Err(PostcodeError::NotAPostcode);
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        Ok(Postcode(format!("{outward} {inward}")))
    }

    /// The standard form, as a reader reads it: `SW1A 1AA`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Without the space, as the services' addresses take it: `SW1A1AA`.
    pub fn compact(&self) -> String {
        self.0.replace(' ', "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_postcode_typed_any_way_reads_in_its_standard_form() {
        for (typed, standard) in [
            ("SW1A 1AA", "SW1A 1AA"),
            ("sw1a1aa", "SW1A 1AA"),
            ("  eh1 1yz ", "EH1 1YZ"),
            ("CF10 1EP", "CF10 1EP"),
            ("bt1 5gs", "BT1 5GS"),
            ("M1 1AE", "M1 1AE"),
            ("B33 8TH", "B33 8TH"),
            ("W1A 0AX", "W1A 0AX"),
            ("GIR 0AA", "GIR 0AA"),
        ] {
            assert_eq!(
                Postcode::parse(typed).map(|p| p.0),
                Ok(standard.to_string()),
                "{typed}"
            );
        }
        assert_eq!(
            Postcode::parse("sw1a 1aa").map(|p| p.compact()),
            Ok("SW1A1AA".into())
        );
    }

    #[test]
    fn what_is_not_a_postcode_is_said_as_what_to_do() {
        assert_eq!(Postcode::parse("  "), Err(PostcodeError::Empty));
        for bad in [
            "SW1A",
            "12345",
            "SW1A 1A",
            "SW1A 1AAA",
            "S 1AA",
            "1W1A 1AA",
            "SW1A 11A",
            "SW1A-1AA",
            "<script>",
        ] {
            assert_eq!(
                Postcode::parse(bad),
                Err(PostcodeError::NotAPostcode),
                "{bad}"
            );
        }
        assert_eq!(PostcodeError::Empty.message(), "Enter your postcode");
    }
}
