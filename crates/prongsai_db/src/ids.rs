//! Newtype ids for every table, so an `AgencyId` is never passed where a `UnitId` is meant.

use std::fmt;
use std::str::FromStr;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The raw database id.
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<i64> for $name {
            fn from(id: i64) -> Self {
                $name(id)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;

            /// Parses a decimal id, e.g. from a URL path segment.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim().parse().map($name)
            }
        }
    };
}

id_type!(
    /// Id of an agency (`agencies.id`).
    AgencyId
);
id_type!(
    /// Id of an internal unit (`units.id`).
    UnitId
);
id_type!(
    /// Id of a user account (`users.id`).
    UserId
);
id_type!(
    /// Id of a role grant (`memberships.id`).
    MembershipId
);
id_type!(
    /// Id of an assessment: one agency, one fiscal year (`assessments.id`).
    AssessmentId
);
id_type!(
    /// Id of a measure (`measures.id`).
    MeasureId
);
id_type!(
    /// Id of a progress entry (`progress.id`).
    ProgressId
);
id_type!(
    /// Id of a piece of evidence (`evidence.id`).
    EvidenceId
);
id_type!(
    /// Id of an API token (`api_tokens.id`).
    TokenId
);
