//! Eight ASCII bytes at once: which of them lie in a range of bytes, told by
//! word arithmetic on a `u64` ("SWAR") rather than byte by byte, for the
//! scans that pass over every byte of a document.

/// A one in the high bit of each of eight bytes.
pub const EIGHT_HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at the start of `bytes` as one number (first byte
/// lowest), if there are eight and all are ASCII.
pub fn eight_ascii(bytes: &[u8]) -> Option<u64> {
    let x = u64::from_le_bytes(*bytes.first_chunk::<8>()?);
    (x & EIGHT_HIGH == 0).then_some(x)
}

/// Per byte of `x` (eight ASCII bytes), the high bit set where the byte lies
/// in `lo..=hi` (`hi` below 0x7f). (`0x80 + byte - lo` cannot borrow from the
/// next byte, and has its high bit set where `byte >= lo`.)
pub fn between(x: u64, lo: u8, hi: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least = |c: u8| ((x | EIGHT_HIGH) - ONES * u64::from(c)) & EIGHT_HIGH;
    at_least(lo) & !at_least(hi + 1)
}

/// Per byte of `x` (eight ASCII bytes), the high bit set where it is a
/// letter. (Setting bit 5 turns capitals into small letters and no other
/// byte into one.)
pub fn letters(x: u64) -> u64 {
    between(x | 0x2020_2020_2020_2020, b'a', b'z')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_are_told_as_each_byte() {
        let bytes: Vec<u8> = (0..128u8).chain((0..128u8).rev()).collect();
        for chunk in bytes.windows(8) {
            let x = eight_ascii(chunk).expect("ASCII");
            let (small, letter) = (between(x, b'a', b'z'), letters(x));
            for (k, b) in chunk.iter().enumerate() {
                let bit = |flags: u64| flags >> (8 * k + 7) & 1 == 1;
                assert_eq!(bit(small), b.is_ascii_lowercase(), "{b}");
                assert_eq!(bit(letter), b.is_ascii_alphabetic(), "{b}");
            }
        }
        assert_eq!(eight_ascii(b"caf\xc3\xa9 au"), None);
        assert_eq!(eight_ascii(b"short"), None);
    }
}
