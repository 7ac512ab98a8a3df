//! Loading an article's raw text: a file, or stdin as `-`; bytes decoded to text.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a source could not be loaded. Each message fits on one line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Raw text of an article and where it came from.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path, `-` for stdin.
    pub origin: String,
    pub text: String,
}

/// The sample article bundled with gloss.
pub const SAMPLE: &str = include_str!("../../assets/articles/sample.txt");

/// Load a file, or stdin when `path` is `-`.
pub fn load(path: &Path) -> Result<Source, LoadError> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|source| LoadError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        buf
    } else {
        std::fs::read(path).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?
    };
    Ok(Source {
        origin: path.display().to_string(),
        text: String::from_utf8_lossy(&bytes).into_owned(),
    })
}
