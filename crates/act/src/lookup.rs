//! What the public services say about a postcode, read as the action page tells it:
//! postcodes.io gives the nation and the constituency, the UK Parliament Members API
//! the constituency's current MP. Each answer is read for what the reader needs; any
//! answer that is not one of the documented shapes reads as "unavailable", never a guess.

use crate::postcode::Postcode;
use content::members::Nation;
use serde_json::Value;

/// postcodes.io: open postcode data, no key, answers browsers (CORS).
pub const POSTCODES_IO: &str = "https://api.postcodes.io";

/// The UK Parliament Members API: no key, answers browsers; its data is under the
/// Open Parliament Licence, which asks for the credit [`CREDIT`].
pub const MEMBERS_API: &str = "https://members-api.parliament.uk";

/// Every service a postcode is sent to, for the security policy and the privacy notice.
pub const SERVICES: [&str; 2] = [POSTCODES_IO, MEMBERS_API];

/// The credit the Open Parliament Licence asks for wherever its data is shown.
pub const CREDIT: &str =
    "Contains Parliamentary information licensed under the Open Parliament Licence v3.0.";

/// The licence the credit names.
pub const LICENCE_URL: &str =
    "https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/";

/// Seconds a lookup may take before the page stops waiting and hands the reader on.
pub const LOOKUP_TIMEOUT_SECONDS: u32 = 10;

/// Where postcodes.io answers for a postcode.
pub fn place_url(postcode: &Postcode) -> String {
    format!("{POSTCODES_IO}/postcodes/{}", postcode.compact())
}

/// Where the Members API finds the constituency, and its MP, for a postcode.
pub fn member_url(postcode: &Postcode) -> String {
    format!(
        "{MEMBERS_API}/api/Location/Constituency/Search?searchText={}&skip=0&take=1",
        postcode.compact()
    )
}

/// What postcodes.io said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A postcode in use: the nation (none for the Channel Islands and the Isle of
    /// Man, which have no MP) and its constituency.
    Found {
        /// The UK nation it is in.
        nation: Option<Nation>,
        /// Its Westminster constituency.
        constituency: String,
    },
    /// No postcode in use is written so: mistyped, made up, or no longer used.
    NotFound,
    /// No answer that could be read: down, slow, offline, or an unexpected shape.
    Unavailable,
}

/// Reads postcodes.io's answer to [`place_url`].
pub fn read_place(status: u16, body: &str) -> Place {
    if status == 404 {
        return Place::NotFound;
    }
    let value: Value = serde_json::from_str(body).unwrap_or_default();
    let result = &value["result"];
    let (200, Some(constituency)) = (status, result["parliamentary_constituency"].as_str()) else {
        return Place::Unavailable;
    };
    let nation = match result["country"].as_str() {
        Some("England") => Some(Nation::England),
        Some("Scotland") => Some(Nation::Scotland),
        Some("Wales") => Some(Nation::Wales),
        Some("Northern Ireland") => Some(Nation::NorthernIreland),
        _ => None,
    };
    Place::Found {
        nation,
        constituency: constituency.to_string(),
    }
}

/// A constituency's current MP, as the page shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mp {
    /// The name the MP is known by (`nameDisplayAs`).
    pub name: String,
    /// Their party.
    pub party: String,
    /// Their constituency.
    pub constituency: String,
}

/// What the Members API said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Member {
    /// The constituency and its MP.
    Found(Mp),
    /// The constituency has no MP now (between a death or resignation and a by-election).
    Vacant {
        /// The constituency without an MP.
        constituency: String,
    },
    /// No constituency for this postcode.
    NotFound,
    /// No answer that could be read.
    Unavailable,
}

/// Reads the Members API's answer to [`member_url`].
pub fn read_member(status: u16, body: &str) -> Member {
    let value: Value = serde_json::from_str(body).unwrap_or_default();
    let (200, Some(items)) = (status, value["items"].as_array()) else {
        return Member::Unavailable;
    };
    let Some(first) = items.first() else {
        return Member::NotFound;
    };
    let seat = &first["value"];
    let Some(constituency) = seat["name"].as_str().map(str::to_string) else {
        return Member::Unavailable;
    };
    let member = &seat["currentRepresentation"]["member"]["value"];
    match (
        member["nameDisplayAs"].as_str(),
        member["latestParty"]["name"].as_str(),
    ) {
        (Some(name), party) => Member::Found(Mp {
            name: name.to_string(),
            party: party.unwrap_or_default().to_string(),
            constituency,
        }),
        (None, _) if seat["currentRepresentation"].is_null() => Member::Vacant { constituency },
        (None, _) => Member::Unavailable,
    }
}

/// Where a nation's own parliament decides about schools and SEND, and who represents
/// the reader there; none for England, where Westminster decides.
pub fn devolved(nation: Nation) -> Option<(&'static str, &'static str)> {
    match nation {
        Nation::Scotland => Some(("the Scottish Parliament", "MSPs")),
        Nation::Wales => Some(("the Senedd", "Members of the Senedd")),
        Nation::NorthernIreland => Some(("the Northern Ireland Assembly", "MLAs")),
        Nation::England | Nation::UkWide => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The services' answers the browser tests give too, each naming its source.
    fn fixture(service: &str, answer: &str) -> (u16, String) {
        let fixtures: Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/mp-lookup.json"))
                .unwrap_or_else(|e| panic!("expected the lookup fixtures to be JSON: {e}"));
        let a = &fixtures[service]["answers"][answer];
        let status = a["status"]
            .as_u64()
            .unwrap_or_else(|| panic!("{service} {answer}: no status"));
        (status as u16, a["body"].to_string())
    }

    #[test]
    fn each_nation_and_constituency_is_read_from_postcodes_io() {
        for (answer, nation, constituency) in [
            (
                "england",
                Some(Nation::England),
                "Cities of London and Westminster",
            ),
            (
                "scotland",
                Some(Nation::Scotland),
                "Edinburgh East and Musselburgh",
            ),
            ("wales", Some(Nation::Wales), "Cardiff South and Penarth"),
            (
                "northern_ireland",
                Some(Nation::NorthernIreland),
                "Belfast South and Mid Down",
            ),
        ] {
            let (status, body) = fixture("postcodes_io", answer);
            assert_eq!(
                read_place(status, &body),
                Place::Found {
                    nation,
                    constituency: constituency.into()
                },
                "{answer}"
            );
        }
        let (status, body) = fixture("postcodes_io", "not_found");
        assert_eq!(read_place(status, &body), Place::NotFound);
        assert_eq!(read_place(500, "{}"), Place::Unavailable);
        assert_eq!(
            read_place(200, "<html>"),
            Place::Unavailable,
            "a page, not an answer"
        );
        assert_eq!(
            read_place(200, r#"{"status":200,"result":{"country":"Jersey"}}"#),
            Place::Unavailable
        );
    }

    #[test]
    fn the_mp_or_a_vacant_seat_is_read_from_the_members_api() {
        let (status, body) = fixture("members_api", "found");
        assert_eq!(
            read_member(status, &body),
            Member::Found(Mp {
                name: "Sam Example".into(),
                party: "Example Party".into(),
                constituency: "Cities of London and Westminster".into()
            })
        );
        let (status, body) = fixture("members_api", "vacant");
        assert_eq!(
            read_member(status, &body),
            Member::Vacant {
                constituency: "Cities of London and Westminster".into()
            }
        );
        let (status, body) = fixture("members_api", "none");
        assert_eq!(read_member(status, &body), Member::NotFound);
        assert_eq!(read_member(503, ""), Member::Unavailable);
        assert_eq!(
            read_member(200, r#"{"items":[{"value":{}}]}"#),
            Member::Unavailable
        );
    }

    #[test]
    fn only_the_devolved_nations_name_a_parliament_of_their_own() {
        assert_eq!(devolved(Nation::England), None);
        assert!(
            Nation::ALL
                .iter()
                .filter(|n| devolved(**n).is_some())
                .count()
                == 3
        );
    }

    #[test]
    fn the_addresses_take_the_postcode_without_its_space() {
        let pc = Postcode::parse("eh1 1yz").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(place_url(&pc), "https://api.postcodes.io/postcodes/EH11YZ");
        assert!(member_url(&pc).starts_with(
            "https://members-api.parliament.uk/api/Location/Constituency/Search?searchText=EH11YZ&"
        ));
    }
}
