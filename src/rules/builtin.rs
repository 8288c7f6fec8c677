//! The built-in rules: generic English rules written in the user rule format, embedded in the
//! binary. `claimdiff rules list` shows them as `<built-in>/NAME.toml`.

/// (file name, text) of every built-in rule file, in load order.
pub const FILES: &[(&str, &str)] = &[
    ("words.toml", include_str!("../../rules/builtin/words.toml")),
    (
        "generic.toml",
        include_str!("../../rules/builtin/generic.toml"),
    ),
];
