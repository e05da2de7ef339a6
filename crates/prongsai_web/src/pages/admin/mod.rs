//! Administration pages: agencies (system), users, their roles and logins, units, the audit log.

pub mod agencies;
pub mod audit;
pub mod members;
pub mod units;
pub mod users;
