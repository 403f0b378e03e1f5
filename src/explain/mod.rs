//! Status codes and non-delivery reports (issue 7).
