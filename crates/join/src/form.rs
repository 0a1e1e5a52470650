//! The join form as an organisation fills it in: its fields in page order, the rules
//! for each answer (said as GOV.UK does: what to do, not what is wrong), and the email
//! that stands in when no form service is set.

use content::members::{Nation, OrgType};
use content::text::encode;
use content::text::is_email;
use serde::{Deserialize, Serialize};

/// Declares the form's fields once, in page order: the draft's struct, the [`Field`]
/// naming each (its key is the struct field's name, as the JSON and the built form's
/// inputs have it), and the readers and writers that go through every field.
macro_rules! join_form {
    ($( $(#[doc = $doc:literal])* $variant:ident: $name:ident: $ty:ty, )*) => {
        /// Everything an organisation types into the join form; saved as a draft as they type.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct SignupForm {
            $( $(#[doc = $doc])* pub $name: $ty, )*
        }

        /// A field of the join form, in page order, with the id its input carries.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Field {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Field {
            /// Every field, in page order.
            pub const ALL: [Field; [$(stringify!($variant)),*].len()] = [$(Field::$variant),*];

            /// The JSON key the form service sees, and may name in its own errors.
            pub fn key(self) -> &'static str {
                match self {
                    $( Field::$variant => stringify!($name), )*
                }
            }
        }

        impl SignupForm {
            /// What the reader gave for `field`.
            pub fn answer(&self, field: Field) -> Answer<'_> {
                match field {
                    $( Field::$variant => Answer::from(&self.$name), )*
                }
            }

            /// Takes `field` from a JSON value; a value of another type leaves it empty.
            fn take(&mut self, field: Field, value: &serde_json::Value) {
                match field {
                    $( Field::$variant => Answer::read(&mut self.$name, value), )*
                }
            }
        }
    };
}

join_form! {
    /// The organisation's name.
    OrgName: org_name: String,
    /// An [`OrgType`] key, or empty.
    OrgType: org_type: String,
    /// The type in the organisation's words when it chose "other".
    OrgTypeOther: org_type_other: String,
    /// [`Nation`] keys.
    Nations: nations: Vec<String>,
    /// Which register the number is on (a [`Register`] key), or empty.
    Register: register: String,
    /// Its registered charity or company number, if it has one.
    RegisterNumber: register_number: String,
    /// Its website.
    Website: website: String,
    /// Who we should contact.
    ContactName: contact_name: String,
    /// Their role.
    Role: role: String,
    /// Their email address.
    Email: email: String,
    /// Their phone number.
    Phone: phone: String,
    /// How the organisation will support the coalition.
    Support: support: String,
    /// Agreement to the privacy notice.
    Privacy: privacy: bool,
    /// Whether the organisation may be listed on the members page.
    Listed: listed: bool,
    /// Whether the contact would like updates.
    Updates: updates: bool,
}

/// What one field holds, whatever its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer<'a> {
    /// Words typed, or a choice's key.
    Text(&'a str),
    /// The keys of the boxes ticked.
    List(&'a [String]),
    /// A box ticked or not.
    Flag(bool),
}

impl<'a> From<&'a String> for Answer<'a> {
    fn from(text: &'a String) -> Self {
        Answer::Text(text)
    }
}

impl<'a> From<&'a Vec<String>> for Answer<'a> {
    fn from(list: &'a Vec<String>) -> Self {
        Answer::List(list)
    }
}

impl From<&bool> for Answer<'_> {
    fn from(flag: &bool) -> Self {
        Answer::Flag(*flag)
    }
}

impl Answer<'_> {
    /// The answer as a form-encoded request carries it: a list joined by commas, a
    /// choice as true or false.
    pub fn to_text(self) -> String {
        match self {
            Answer::Text(text) => text.to_string(),
            Answer::List(list) => list.join(", "),
            Answer::Flag(flag) => flag.to_string(),
        }
    }

    /// Sets `slot` from `value` when it is of the slot's kind.
    fn read<T: ReadAnswer>(slot: &mut T, value: &serde_json::Value) {
        if let Some(read) = T::read(value) {
            *slot = read;
        }
    }
}

/// A kind of answer read from the JSON a draft or request was kept as.
trait ReadAnswer: Sized {
    fn read(value: &serde_json::Value) -> Option<Self>;
}

impl ReadAnswer for String {
    fn read(value: &serde_json::Value) -> Option<Self> {
        value.as_str().map(str::to_string)
    }
}

impl ReadAnswer for Vec<String> {
    fn read(value: &serde_json::Value) -> Option<Self> {
        let list = value.as_array()?;
        Some(
            list.iter()
                .filter_map(|n| n.as_str().map(str::to_string))
                .collect(),
        )
    }
}

impl ReadAnswer for bool {
    fn read(value: &serde_json::Value) -> Option<Self> {
        value.as_bool()
    }
}

/// The registers a charity or company number can be on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Register {
    /// The Charity Commission for England and Wales.
    CharityCommission,
    /// The Scottish Charity Regulator.
    Oscr,
    /// The Charity Commission for Northern Ireland.
    Ccni,
    /// Companies House.
    CompaniesHouse,
}

impl Register {
    /// Every register, in the order the form lists them.
    pub const ALL: [Register; 4] = [
        Register::CharityCommission,
        Register::Oscr,
        Register::Ccni,
        Register::CompaniesHouse,
    ];

    /// The name readers see.
    pub fn label(self) -> &'static str {
        match self {
            Register::CharityCommission => "Charity Commission for England and Wales",
            Register::Oscr => "Scottish Charity Regulator (OSCR)",
            Register::Ccni => "Charity Commission for Northern Ireland",
            Register::CompaniesHouse => "Companies House",
        }
    }

    /// The form and JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Register::CharityCommission => "charity_commission",
            Register::Oscr => "oscr",
            Register::Ccni => "ccni",
            Register::CompaniesHouse => "companies_house",
        }
    }
}

impl Field {
    /// The id of the input (or first radio or checkbox) the error summary links to:
    /// its name too, so a form posted without the app carries the same names as the JSON.
    pub fn id(self) -> &'static str {
        self.key()
    }

    /// Finds the field a form service named.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == name)
    }
}

/// One problem with what was typed, said as GOV.UK does: what to do, not what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field at fault.
    pub field: Field,
    /// What to do about it.
    pub message: String,
}

pub(crate) fn error(field: Field, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// True for something that looks like a web address: an http(s) URL or a bare domain,
/// with an optional port; any other scheme (`javascript:`, `data:`) is refused.
fn is_website(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .unwrap_or(text);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (host, port) = authority.split_once(':').unwrap_or((authority, "80"));
    !text.chars().any(char::is_whitespace)
        && !port.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit())
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// True for a UK or international phone number: digits with spaces, brackets, dashes or a leading +.
fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (10..=15).contains(&digits)
        && text
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " ()-".contains(c) || (c == '+' && i == 0))
}

impl SignupForm {
    /// Reads the form's fields from a JSON object (the draft kept while the reader
    /// types); a field missing or of another type reads as empty. Read by hand rather
    /// than by serde's derived decoder (measured in `bench/wasm-makeup.md`).
    pub fn from_json(value: &serde_json::Value) -> Option<SignupForm> {
        let object = value.as_object()?;
        let mut form = SignupForm::default();
        for field in Field::ALL {
            if let Some(value) = object.get(field.key()) {
                form.take(field, value);
            }
        }
        Some(form)
    }

    /// Every problem, in page order; an empty list means the form can be sent.
    pub fn validate(&self, support_max_chars: u32) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.org_name.trim().is_empty() {
            errors.push(error(Field::OrgName, "Enter your organisation's name"));
        }
        match OrgType::from_key(&self.org_type) {
            None => errors.push(error(Field::OrgType, "Select the type of organisation")),
            Some(OrgType::Other) if self.org_type_other.trim().is_empty() => {
                errors.push(error(Field::OrgTypeOther, "Enter the type of organisation"))
            }
            _ => {}
        }
        if self.nations.is_empty() {
            errors.push(error(
                Field::Nations,
                "Select where your organisation works",
            ));
        } else if self.nations.iter().any(|n| Nation::from_key(n).is_none()) {
            errors.push(error(
                Field::Nations,
                "Select where your organisation works from the list",
            ));
        }
        let number = self.register_number.trim();
        if !number.is_empty() {
            if self.register.is_empty() {
                errors.push(error(
                    Field::Register,
                    "Select which register the number is on",
                ));
            }
            if number.len() > 20
                || !number
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
            {
                errors.push(error(
                    Field::RegisterNumber,
                    "Enter the registered number using only letters, numbers, spaces and hyphens",
                ));
            }
        }
        let website = self.website.trim();
        if !website.is_empty() && !is_website(website) {
            errors.push(error(
                Field::Website,
                "Enter a website address in the correct format, like www.example.org",
            ));
        }
        if self.contact_name.trim().is_empty() {
            errors.push(error(
                Field::ContactName,
                "Enter the name of the person we should contact",
            ));
        }
        let email = self.email.trim();
        if email.is_empty() {
            errors.push(error(Field::Email, "Enter an email address"));
        } else if !is_email(email) {
            errors.push(error(
                Field::Email,
                "Enter an email address in the correct format, like name@example.org",
            ));
        }
        let phone = self.phone.trim();
        if !phone.is_empty() && !is_phone(phone) {
            errors.push(error(
                Field::Phone,
                "Enter a telephone number, like 01632 960 001 or +44 808 157 0192",
            ));
        }
        let length = self.support.chars().count();
        if length > support_max_chars as usize {
            errors.push(error(
                Field::Support,
                format!("How you will support the coalition must be {support_max_chars} characters or fewer"),
            ));
        }
        if !self.privacy {
            errors.push(error(
                Field::Privacy,
                "Confirm that you have read and agree to the privacy notice",
            ));
        }
        errors
    }

    /// The field's label and the answer, in page order, for the email and copied text.
    pub fn summary(&self) -> Vec<(&'static str, String)> {
        let yes_no = |b: bool| if b { "Yes" } else { "No" }.to_string();
        let org_type = match OrgType::from_key(&self.org_type) {
            Some(OrgType::Other) => format!("Other: {}", self.org_type_other.trim()),
            Some(t) => t.label().to_string(),
            None => String::new(),
        };
        let nations: Vec<&str> = self
            .nations
            .iter()
            .filter_map(|n| Nation::from_key(n))
            .map(Nation::label)
            .collect();
        let register = Register::ALL
            .into_iter()
            .find(|r| r.key() == self.register)
            .map(|r| format!("{} ", r.label()))
            .unwrap_or_default();
        vec![
            ("Organisation name", self.org_name.trim().to_string()),
            ("Type of organisation", org_type),
            ("Works in", nations.join(", ")),
            (
                "Registered number",
                format!("{register}{}", self.register_number.trim())
                    .trim()
                    .to_string(),
            ),
            ("Website", self.website.trim().to_string()),
            ("Contact name", self.contact_name.trim().to_string()),
            ("Role", self.role.trim().to_string()),
            ("Email", self.email.trim().to_string()),
            ("Phone", self.phone.trim().to_string()),
            (
                "How we will support the coalition",
                self.support.trim().to_string(),
            ),
            ("Agreed to the privacy notice", yes_no(self.privacy)),
            ("List us on the members page", yes_no(self.listed)),
            ("Send us updates", yes_no(self.updates)),
        ]
    }

    /// The details as plain text, one "Label: answer" a line.
    pub fn as_text(&self) -> String {
        self.summary()
            .into_iter()
            .map(|(label, value)| {
                format!(
                    "{label}: {}",
                    if value.is_empty() {
                        "(not given)"
                    } else {
                        &value
                    }
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A `mailto:` link that composes the whole request to the coalition's address.
    pub fn mailto(&self, to: &str) -> String {
        let subject = format!(
            "Request to join #SENDInTheSpecialists: {}",
            self.org_name.trim()
        );
        format!(
            "mailto:{to}?subject={}&body={}",
            encode(&subject),
            encode(&self.as_text())
        )
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn valid() -> SignupForm {
        SignupForm {
            org_name: "Example Speech Therapy Network".into(),
            org_type: "charity".into(),
            nations: vec!["england".into(), "wales".into()],
            contact_name: "Sam Example".into(),
            email: "sam@example.org".into(),
            privacy: true,
            ..Default::default()
        }
    }

    fn fields(form: &SignupForm) -> Vec<Field> {
        form.validate(100).into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_form_passes() {
        assert!(fields(&valid()).is_empty());
    }

    #[test]
    fn an_empty_form_lists_every_required_field_in_page_order() {
        assert_eq!(
            fields(&SignupForm::default()),
            [
                Field::OrgName,
                Field::OrgType,
                Field::Nations,
                Field::ContactName,
                Field::Email,
                Field::Privacy
            ]
        );
    }

    #[test]
    fn each_rule() {
        let mut f = valid();
        f.org_type = "other".into();
        assert_eq!(fields(&f), [Field::OrgTypeOther]);
        f.org_type_other = "Parent group".into();
        f.register_number = "1234567".into();
        assert_eq!(fields(&f), [Field::Register]);
        f.register = "charity_commission".into();
        f.register_number = "12<script>".into();
        assert_eq!(fields(&f), [Field::RegisterNumber]);
        f.register_number = "SC012345".into();
        f.website = "not a website".into();
        assert_eq!(fields(&f), [Field::Website]);
        f.website = "www.example.org".into();
        f.email = "sam@example".into();
        assert_eq!(fields(&f), [Field::Email]);
        f.email = "sam@example.org".into();
        f.phone = "call me".into();
        assert_eq!(fields(&f), [Field::Phone]);
        f.phone = "+44 (0)1632 960 001".into();
        f.support = "é".repeat(101);
        assert_eq!(fields(&f), [Field::Support]);
        f.support = "é".repeat(100);
        f.nations = vec!["atlantis".into()];
        assert_eq!(fields(&f), [Field::Nations]);
    }

    #[test]
    fn websites_and_phones() {
        for good in [
            "www.example.org",
            "https://example.org/path",
            "example.co.uk",
            "http://localhost.example:8080/join",
        ] {
            assert!(is_website(good), "{good}");
        }
        for bad in [
            "example",
            "http://",
            "javascript:alert(1)",
            "javascript:alert.x",
            "data:text.html",
            "example.org:x",
            "a b.org",
            ".org",
        ] {
            assert!(!is_website(bad), "{bad}");
        }
        for good in ["01632 960001", "+44 808 157 0192", "(01632) 960-001"] {
            assert!(is_phone(good), "{good}");
        }
        for bad in ["123", "01632 960001 ext", "44+1632960001"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn the_hand_reader_reads_what_the_form_writes() {
        let mut form = valid();
        form.support = "Share".into();
        form.listed = true;
        form.register = "oscr".into();
        let json = serde_json::to_value(&form).unwrap_or_default();
        assert_eq!(SignupForm::from_json(&json), Some(form));
        assert_eq!(
            SignupForm::from_json(&serde_json::json!({"org_name": 3, "privacy": "yes"})),
            Some(SignupForm::default()),
            "wrong types read as empty"
        );
        assert_eq!(SignupForm::from_json(&serde_json::json!([1])), None);
    }

    #[test]
    fn mailto_carries_every_field() {
        let mut f = valid();
        f.support = "Share & campaign".into();
        let href = f.mailto("contact@example.org");
        assert!(href.starts_with("mailto:contact@example.org?subject=Request%20to%20join%20%23SENDInTheSpecialists%3A%20Example"));
        assert!(href.contains("Share%20%26%20campaign"));
        assert!(href.contains("Works%20in%3A%20England%2C%20Wales"));
        assert!(f.as_text().contains("Phone: (not given)"));
        assert_eq!(f.as_text().lines().count(), 13);
    }
}
