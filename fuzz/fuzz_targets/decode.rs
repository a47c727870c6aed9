//! bytes → text under every encoding option: never panics; `decode` and `decode_vec`
//! agree; decoded text has LF line ends only.
#![no_main]

use draftdiff::read::{Encoding, ReadOptions, decode, decode_vec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for encoding in [Encoding::Auto, Encoding::Utf8, Encoding::Windows1252] {
        let options = ReadOptions::new().encoding(encoding);
        let by_ref = decode("fuzz.txt", data, &options);
        let by_value = decode_vec("fuzz.txt", data.to_vec(), &options);
        match (&by_ref, &by_value) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "decode and decode_vec differ ({encoding:?})");
                assert!(!a.contains('\r'), "a CR survived decoding ({encoding:?})");
            }
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            _ => panic!("decode: {by_ref:?}, decode_vec: {by_value:?} ({encoding:?})"),
        }
    }
});
