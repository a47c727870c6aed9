//! The environment, read once: colour decision, terminal width, where output goes.
//!
//! PLACEHOLDER: the report issue fills in the colour rules and atomic `-o` output.

use std::io::{self, Read, Write};

use draftdiff::{Document, Error, ReadOptions, SegmentOptions};

use super::{ColorWhen, EncodingArg, GlobalArgs};

/// Resolved options shared by every subcommand.
#[derive(Debug)]
pub struct Ctx {
    /// Whether to colour terminal output.
    #[allow(dead_code, reason = "placeholder until the terminal renderer lands")]
    pub color: bool,
    /// How to read inputs.
    pub read: ReadOptions,
    /// Where to write (`None` = standard output).
    pub output: Option<String>,
}

impl Ctx {
    /// Reads the environment and the global options once.
    pub fn from_env(global: &GlobalArgs) -> Ctx {
        let color = match global.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => false,
        };
        let encoding = match global.encoding {
            None => draftdiff::read::Encoding::Auto,
            Some(EncodingArg::Utf8) => draftdiff::read::Encoding::Utf8,
            Some(EncodingArg::Windows1252) => draftdiff::read::Encoding::Windows1252,
        };
        Ctx {
            color,
            read: ReadOptions::new().encoding(encoding),
            output: global.output.clone(),
        }
    }

    /// Reads and segments one input; `-` is standard input.
    pub fn load(&self, path: &str) -> Result<Document, Error> {
        let text = if path == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            draftdiff::read::decode("-", &bytes, &self.read)?
        } else {
            draftdiff::read::read_path(path, &self.read)?
        };
        Ok(draftdiff::segment::segment(
            path,
            &text,
            &SegmentOptions::new(),
        ))
    }

    /// Writes the output produced by `write`, to standard output or to `-o FILE`.
    /// `inputs` are the input paths, which an output file must not overwrite.
    pub fn emit(
        &self,
        _inputs: &[&str],
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        if let Some(path) = &self.output {
            let mut buf = Vec::new();
            write(&mut buf).map_err(|e| Error::io(path, e))?;
            return std::fs::write(path, buf).map_err(|e| Error::io(path, e));
        }
        let stdout = io::stdout();
        let mut lock = stdout.lock();
        match write(&mut lock).and_then(|()| lock.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(Error::Output {
                path: "-".into(),
                message: e.to_string(),
            }),
        }
    }
}
