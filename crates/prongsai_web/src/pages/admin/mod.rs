//! Administration pages: agencies (system), users and roles, units, the audit log.

pub mod agencies;
pub mod audit;
pub mod units;
pub mod users;
