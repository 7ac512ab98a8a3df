//! Eight bytes at once: which of them are ASCII, lie in a range of bytes or
//! are capitals to lowercase, told by word arithmetic on a `u64` ("SWAR")
//! rather than byte by byte, for the scans that pass over every byte of a
//! document (cleaning and analysis alike).

/// A one in each of eight bytes.
pub const ONES: u64 = 0x0101_0101_0101_0101;
/// A one in the high bit of each of eight bytes.
pub const EIGHT_HIGH: u64 = ONES * 0x80;

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
    let at_least = |c: u8| ((x | EIGHT_HIGH) - ONES * u64::from(c)) & EIGHT_HIGH;
    at_least(lo) & !at_least(hi + 1)
}

/// Per byte of `x` (eight ASCII bytes), the high bit set where it is a
/// letter. (Setting bit 5 turns capitals into small letters and no other
/// byte into one.)
pub fn letters(x: u64) -> u64 {
    between(x | (ONES * 0x20), b'a', b'z')
}

/// The eight bytes of `x` (any bytes) with the ASCII capitals lowercased, the
/// others as they are (a byte from 0x80 up is no capital, whatever its low
/// seven bits).
pub fn lowercase(x: u64) -> u64 {
    let capitals = between(x & !EIGHT_HIGH, b'A', b'Z') & !x;
    x | (capitals >> 2)
}

/// The index of the first byte from `from` on that is not ASCII (or the
/// length): eight bytes at a time while all eight are ASCII.
pub fn ascii_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while bytes.get(i..).and_then(eight_ascii).is_some() {
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii) {
        i += 1;
    }
    i
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

    #[test]
    fn eight_bytes_lowercase_as_each_byte_does() {
        let bytes: Vec<u8> = (0..=255u8).chain(0..=255u8).rev().collect();
        for chunk in bytes.windows(8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight"));
            let mut each = [0u8; 8];
            for (e, b) in each.iter_mut().zip(chunk) {
                *e = b.to_ascii_lowercase();
            }
            assert_eq!(lowercase(x), u64::from_le_bytes(each), "{chunk:?}");
        }
    }

    #[test]
    fn ascii_ends_at_the_first_other_byte_at_any_offset() {
        let base = "The quick brown fox jumps over the lazy dog";
        for other in ['é', '\u{301}', '€', '😀'] {
            for at in 0..=base.len() {
                let mut text = base.to_string();
                text.insert(at, other);
                for from in 0..=at {
                    assert_eq!(ascii_end(text.as_bytes(), from), at, "{other:?} at {at}");
                }
            }
        }
        assert_eq!(ascii_end(base.as_bytes(), 3), base.len());
        assert_eq!(ascii_end(b"", 0), 0);
    }
}
