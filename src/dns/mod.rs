//! DNS diagnosis (issue 6).
