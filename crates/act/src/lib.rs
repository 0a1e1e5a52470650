//! Writing to your MP, as rules the action page only drives: a postcode typed any way
//! (`postcode`), what the public services say about it (`lookup`: the nation and the
//! constituency from postcodes.io, the MP from the UK Parliament Members API), and the
//! WriteToThem address that hands the reader over (`handoff`). Nothing the reader types
//! is kept; it goes only to those services, and to WriteToThem when the reader chooses.

pub mod finding;
pub mod handoff;
pub mod lookup;
pub mod postcode;
