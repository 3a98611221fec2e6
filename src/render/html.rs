//! placeholder
pub fn render(report: &crate::Report, _extras: &super::Extras) -> String {
    format!("{}", report.documents.len())
}
