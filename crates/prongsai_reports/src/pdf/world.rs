//! Our own typst World: in-memory templates, the data view and chart SVGs, the bundled fonts only, no clock.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts;

/// The templates, as virtual files at the project root (`/report.typ` is the entry library).
const TEMPLATES: [(&str, &str); 6] = [
    ("/report.typ", include_str!("../../typst/report.typ")),
    ("/common.typ", include_str!("../../typst/common.typ")),
    ("/analysis.typ", include_str!("../../typst/analysis.typ")),
    ("/measures.typ", include_str!("../../typst/measures.typ")),
    ("/oit.typ", include_str!("../../typst/oit.typ")),
    ("/recommend.typ", include_str!("../../typst/recommend.typ")),
];

/// The main file: reads the view and lays out the report.
const MAIN: &str = "#import \"/report.typ\": report\n#report(json(\"/data.json\"))\n";

/// Virtual path of the view JSON.
pub const DATA_JSON: &str = "/data.json";

/// What every render shares: standard library, fonts, parsed templates. Built once.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    templates: Vec<Source>,
}

static SHARED: LazyLock<Result<Shared, String>> = LazyLock::new(|| {
    let fonts: Vec<Font> = fonts::ALL
        .iter()
        .flat_map(|f| Font::iter(Bytes::new(*f)))
        .collect();
    if fonts.len() != fonts::ALL.len() {
        return Err(format!(
            "bundled fonts: {} of {} faces parsed",
            fonts.len(),
            fonts::ALL.len()
        ));
    }
    let main = Source::new(id("/main.typ")?, MAIN.to_owned());
    let templates = TEMPLATES
        .iter()
        .map(|(path, text)| Ok(Source::new(id(path)?, (*text).to_owned())))
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main,
        templates,
    })
});

/// The file id of a project path (ids are interned for the process, so paths are fixed names).
pub fn id(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| format!("{path}: {e:?}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One render's world: the shared parts plus this report's files.
pub struct ReportWorld {
    shared: &'static Shared,
    /// (id, bytes) of `/data.json` and the chart SVGs.
    files: Vec<(FileId, Bytes)>,
}

impl ReportWorld {
    /// A world serving `files` (virtual path, bytes) next to the templates.
    pub fn new(files: Vec<(&str, Vec<u8>)>) -> Result<ReportWorld, String> {
        let shared = SHARED.as_ref().map_err(Clone::clone)?;
        let files = files
            .into_iter()
            .map(|(path, bytes)| Ok((id(path)?, Bytes::new(bytes))))
            .collect::<Result<Vec<_>, String>>()?;
        Ok(ReportWorld { shared, files })
    }

    /// The source of `id` (main or a template), for diagnostics.
    pub fn lookup(&self, id: FileId) -> Option<&Source> {
        std::iter::once(&self.shared.main)
            .chain(&self.shared.templates)
            .find(|s| s.id() == id)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.lookup(id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some((_, bytes)) = self.files.iter().find(|(f, _)| *f == id) {
            return Ok(bytes.clone());
        }
        self.lookup(id)
            .map(|s| Bytes::from_string(s.clone()))
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    /// No clock: output depends on the input only.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
