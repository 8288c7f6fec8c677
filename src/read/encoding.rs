//! Text encodings: the bytes of an input in, UTF-8 bytes out.
//!
//! Read: UTF-8 with or without a byte-order mark, and UTF-16 little- or big-endian with a
//! byte-order mark (decoded with `encoding_rs`). Anything else is an error naming the byte
//! offset where it stops being readable: UTF-32, UTF-16 without a byte-order mark (it shows as
//! NUL bytes), malformed UTF-16, and (checked later, by the caller) bytes that are not UTF-8.
//!
//! Spans stay byte offsets into the original input where they can: a UTF-8 byte-order mark is
//! replaced by three spaces rather than cut, so every later offset is unchanged. UTF-16 input is
//! converted, so its spans are offsets into the UTF-8 text (as for HTML, into the extracted text).

use crate::error::{InputError, Place};

/// Which encoding the first bytes announce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// Reads the byte-order mark, if any. UTF-32 marks are refused here.
pub fn sniff(name: &str, bytes: &[u8]) -> Result<Encoding, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(
            InputError::new(name, Place::Byte(0), "UTF-32 text is not read")
                .hint("convert the file to UTF-8"),
        );
    }
    Ok(if bytes.starts_with(b"\xEF\xBB\xBF") {
        Encoding::Utf8Bom
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Encoding::Utf16Le
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Encoding::Utf16Be
    } else {
        Encoding::Utf8
    })
}

/// The input as UTF-8 bytes (still to be validated as UTF-8 by the caller when it was UTF-8
/// already): a UTF-8 byte-order mark becomes three spaces, UTF-16 is converted. Malformed UTF-16
/// (an odd length, a lone surrogate) and NUL characters in it are errors at their byte offset in
/// the original input.
pub fn decode(name: &str, mut bytes: Vec<u8>) -> Result<Vec<u8>, InputError> {
    let (enc, big_endian) = match sniff(name, &bytes)? {
        Encoding::Utf8 => return Ok(bytes),
        Encoding::Utf8Bom => {
            bytes[..3].copy_from_slice(b"   ");
            return Ok(bytes);
        }
        Encoding::Utf16Le => (encoding_rs::UTF_16LE, false),
        Encoding::Utf16Be => (encoding_rs::UTF_16BE, true),
    };
    let body = &bytes[2..];
    // A NUL character is no more text in UTF-16 than in UTF-8.
    if let Some(i) = body.chunks_exact(2).position(|u| u[0] == 0 && u[1] == 0) {
        return Err(InputError::new(
            name,
            Place::Byte(2 + 2 * i),
            "looks like a binary file (NUL character)",
        ));
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(body.len())
            .unwrap_or(body.len() * 3 / 2),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(out.into_bytes()),
        encoding_rs::DecoderResult::Malformed(bad, after) => {
            // `read` counts the malformed units and any consumed after them.
            let at = 2 + read - bad as usize - after as usize;
            let what = if body.len() % 2 == 1 && at == bytes.len() - 1 {
                "odd number of bytes"
            } else {
                "unpaired surrogate"
            };
            let order = if big_endian { "BE" } else { "LE" };
            Err(InputError::new(
                name,
                Place::Byte(at),
                format!("not valid UTF-16{order} ({what})"),
            )
            .hint("convert the file to UTF-8"))
        }
        // The buffer was sized for the whole input.
        encoding_rs::DecoderResult::OutputFull => Err(InputError::new(
            name,
            Place::Byte(2 + read),
            "UTF-16 text could not be converted",
        )),
    }
}

/// Whether NUL bytes look like UTF-16 without a byte-order mark: in ASCII text so
/// encoded, every other byte of the first ones is zero.
pub fn looks_like_utf16_without_bom(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return false;
    }
    let zeros = |off: usize| {
        head.iter()
            .skip(off)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = head.len() / 2;
    (zeros(0) == half && zeros(1) == 0) || (zeros(1) == half && zeros(0) == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, big: bool) -> Vec<u8> {
        let mut out = if big {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in s.encode_utf16() {
            out.extend(if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf16_both_orders_become_utf8() {
        let text = "Niger\u{2019}s army: 1,100 troops.\n";
        for big in [false, true] {
            assert_eq!(decode("f", utf16(text, big)).unwrap(), text.as_bytes());
        }
    }

    #[test]
    fn a_utf8_bom_becomes_spaces_so_offsets_stay() {
        let got = decode("f", b"\xEF\xBB\xBFAb".to_vec()).unwrap();
        assert_eq!(got, b"   Ab");
        assert_eq!(decode("f", b"Ab".to_vec()).unwrap(), b"Ab");
    }

    #[test]
    fn malformed_utf16_names_the_byte() {
        // BOM, "A" (bytes 2-3), then a lone high surrogate D800 at bytes 4-5, then "B".
        let bytes = vec![0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B', 0];
        let e = decode("f", bytes).unwrap_err();
        assert_eq!(e.place, Place::Byte(4));
        assert_eq!(e.message, "not valid UTF-16LE (unpaired surrogate)");
        // An odd length: the last byte (5) is half a code unit.
        let e = decode("f", vec![0xFE, 0xFF, 0, b'A', 0]).unwrap_err();
        assert_eq!(e.place, Place::Byte(4));
        assert_eq!(e.message, "not valid UTF-16BE (odd number of bytes)");
        // A NUL character at bytes 4-5.
        let e = decode("f", vec![0xFF, 0xFE, b'A', 0, 0, 0]).unwrap_err();
        assert_eq!(e.place, Place::Byte(4));
        let e = decode("f", vec![0xFF, 0xFE, 0, 0, b'A', 0, 0, 0]).unwrap_err();
        assert_eq!(e.message, "UTF-32 text is not read");
    }

    #[test]
    fn utf16_without_bom_is_recognized_for_the_hint() {
        assert!(looks_like_utf16_without_bom(b"H\0i\0!\0"));
        assert!(looks_like_utf16_without_bom(b"\0H\0i"));
        assert!(!looks_like_utf16_without_bom(b"PK\x03\x04\x00\x00rest"));
    }
}
