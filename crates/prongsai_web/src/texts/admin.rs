//! The administration pages' texts (users, units, agency details, audit log), Thai and English, and the audit vocabulary.

/// Strings of the administration pages in one language.
#[derive(Debug)]
pub struct AdminTexts {
    /// Navigation: the agency's details (system administrators).
    pub nav_agency: &'static str,
    /// Agency details page title.
    pub agency_title: &'static str,
    /// Website domain label.
    pub website: &'static str,
    /// Website domain help.
    pub website_help: &'static str,
    /// Not a domain.
    pub err_website: &'static str,
    /// Unknown agency kind.
    pub err_kind: &'static str,
    /// Login column heading.
    pub login: &'static str,
    /// The account may log in.
    pub login_enabled: &'static str,
    /// The account may not log in.
    pub login_disabled: &'static str,
    /// Disable login button.
    pub disable_login: &'static str,
    /// Enable login button.
    pub enable_login: &'static str,
    /// Change role button.
    pub change_role: &'static str,
    /// Refused: one's own account.
    pub err_own_account: &'static str,
    /// Refused: the account has roles elsewhere.
    pub err_account_elsewhere: &'static str,
    /// Refused: the grant exists already.
    pub err_role_taken: &'static str,
    /// Neither enable nor disable chosen.
    pub err_login_choice: &'static str,
    /// Rename button.
    pub rename: &'static str,
    /// Delete button.
    pub delete: &'static str,
    /// Unit deleted notice.
    pub unit_deleted: &'static str,
    /// Refused: measures name the unit (a count follows).
    pub err_unit_in_measures: &'static str,
    /// Refused: officers belong to the unit (a count follows).
    pub err_unit_in_roles: &'static str,
    /// Refused: the name is taken.
    pub err_name_taken: &'static str,
    /// Link to newer audit entries.
    pub audit_newer: &'static str,
    /// Link to older audit entries.
    pub audit_older: &'static str,
    /// Label of the audit paging navigation.
    pub audit_pages: &'static str,
    /// The changed item column.
    pub audit_subject: &'static str,
    /// Empty log.
    pub audit_empty: &'static str,
    /// Notice after "add user": the same whether or not the address has an account.
    pub invited: &'static str,
    /// Heading of the agency's invitations not yet answered.
    pub invitations_pending: &'static str,
    /// Heading of one's own invitations (home page).
    pub your_invitations: &'static str,
    /// Accept button.
    pub accept: &'static str,
    /// Decline button.
    pub decline: &'static str,
    /// Audit action codes → words.
    pub actions: &'static [(&'static str, &'static str)],
    /// Audit entity codes → words.
    pub entities: &'static [(&'static str, &'static str)],
}

impl AdminTexts {
    /// The words of an audit action code (`put_scores` → "บันทึกคะแนน"); unknown codes are shown as they are.
    pub fn action<'a>(&self, code: &'a str) -> &'a str {
        lookup(self.actions, code)
    }

    /// The words of an audit entity code (`measure` → "มาตรการ"); unknown codes are shown as they are.
    pub fn entity<'a>(&self, code: &'a str) -> &'a str {
        lookup(self.entities, code)
    }
}

fn lookup<'a>(table: &'static [(&'static str, &'static str)], code: &'a str) -> &'a str {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, words)| words)
}

/// Thai.
pub(super) static TH: AdminTexts = AdminTexts {
    nav_agency: "ข้อมูลหน่วยงาน",
    agency_title: "แก้ไขข้อมูลหน่วยงาน",
    website: "เว็บไซต์ของหน่วยงาน (โดเมน)",
    website_help: "ใส่เฉพาะชื่อโดเมน เช่น banna.go.th เว้นว่างได้",
    err_website: "โดเมนไม่ถูกต้อง ใส่เฉพาะชื่อโดเมน เช่น banna.go.th",
    err_kind: "กรุณาเลือกประเภทหน่วยงานจากรายการ",
    login: "การเข้าสู่ระบบ",
    login_enabled: "เข้าสู่ระบบได้",
    login_disabled: "ถูกระงับการเข้าสู่ระบบ",
    disable_login: "ระงับการเข้าสู่ระบบ",
    enable_login: "เปิดให้เข้าสู่ระบบ",
    change_role: "เปลี่ยนบทบาท",
    err_own_account: "เปลี่ยนบทบาทหรือระงับบัญชีของตนเองไม่ได้ ให้ผู้ดูแลคนอื่นเป็นผู้ดำเนินการ",
    err_account_elsewhere: "บัญชีนี้มีบทบาทในที่อื่นนอกหน่วยงานนี้ด้วย ผู้ดูแลระบบเท่านั้นที่ระงับได้",
    err_role_taken: "ผู้ใช้นี้มีบทบาทนี้อยู่แล้ว",
    err_login_choice: "กรุณาเลือกว่าจะระงับหรือเปิดให้เข้าสู่ระบบ",
    rename: "เปลี่ยนชื่อ",
    delete: "ลบ",
    unit_deleted: "ลบหน่วยงานภายในแล้ว",
    err_unit_in_measures: "ลบไม่ได้ เพราะยังเป็นผู้รับผิดชอบมาตรการอยู่ จำนวนมาตรการ:",
    err_unit_in_roles: "ลบไม่ได้ เพราะยังมีเจ้าหน้าที่สังกัดอยู่ ให้เปลี่ยนบทบาทของเจ้าหน้าที่ก่อน จำนวนผู้ใช้:",
    err_name_taken: "หน่วยงานนี้มีหน่วยงานภายในชื่อนี้อยู่แล้ว",
    audit_newer: "← รายการที่ใหม่กว่า",
    audit_older: "รายการที่เก่ากว่า →",
    audit_pages: "หน้าของบันทึกการใช้งาน",
    audit_subject: "สิ่งที่เปลี่ยน",
    audit_empty: "ยังไม่มีบันทึกการใช้งาน",
    invited: "ส่งคำเชิญแล้ว ผู้ใช้จะได้รับบทบาทเมื่อเข้าสู่ระบบและตอบรับคำเชิญ (ถ้ายังไม่มีบัญชี ระบบสร้างบัญชีด้วยรหัสผ่านที่กรอก)",
    invitations_pending: "คำเชิญที่รอการตอบรับ",
    your_invitations: "คำเชิญเข้าร่วมหน่วยงาน",
    accept: "ตอบรับ",
    decline: "ปฏิเสธ",
    actions: &[
        ("create", "สร้าง"),
        ("update", "แก้ไข"),
        ("delete", "ลบ"),
        ("put_scores", "บันทึกคะแนน"),
        ("set_status", "เปลี่ยนสถานะ"),
        ("set_outcome", "บันทึกผลลัพธ์"),
        ("copy", "คัดลอกจากปีก่อน"),
        ("grant", "ให้บทบาท"),
        ("change_role", "เปลี่ยนบทบาท"),
        ("revoke", "ยกเลิก"),
        ("detach", "ถอดหลักฐานออก"),
        ("set_password", "เปลี่ยนรหัสผ่าน"),
        ("set_language", "เปลี่ยนภาษา"),
        ("set_disabled", "เปลี่ยนสิทธิ์เข้าสู่ระบบ"),
        ("invite", "ส่งคำเชิญ"),
        ("accept", "ตอบรับคำเชิญ"),
        ("decline", "ปฏิเสธคำเชิญ"),
    ],
    entities: &[
        ("agency", "หน่วยงาน"),
        ("unit", "หน่วยงานภายใน"),
        ("user", "ผู้ใช้"),
        ("membership", "บทบาทผู้ใช้"),
        ("token", "โทเค็น API"),
        ("assessment", "คะแนนผลการประเมิน"),
        ("analysis", "การวิเคราะห์"),
        ("measure", "มาตรการ"),
        ("progress", "ผลการดำเนินการ"),
        ("evidence", "หลักฐาน"),
        ("invitation", "คำเชิญ"),
    ],
};

/// English.
pub(super) static EN: AdminTexts = AdminTexts {
    nav_agency: "Agency details",
    agency_title: "Edit agency details",
    website: "Agency website (domain)",
    website_help: "The domain only, such as banna.go.th; may be left empty",
    err_website: "Not a domain: give the domain only, such as banna.go.th",
    err_kind: "Choose a kind of agency from the list",
    login: "Login",
    login_enabled: "Can log in",
    login_disabled: "Login disabled",
    disable_login: "Disable login",
    enable_login: "Enable login",
    change_role: "Change role",
    err_own_account: "You cannot change your own role or login; another administrator has to",
    err_account_elsewhere: "This account also holds roles outside this agency; only a system administrator can disable it",
    err_role_taken: "The user already holds this role",
    err_login_choice: "Choose whether to disable or enable the login",
    rename: "Rename",
    delete: "Delete",
    unit_deleted: "Unit deleted",
    err_unit_in_measures: "Cannot delete: measures still name this unit as responsible; measures:",
    err_unit_in_roles: "Cannot delete: officers still belong to this unit; change their roles first; users:",
    err_name_taken: "The agency already has a unit with this name",
    audit_newer: "← Newer entries",
    audit_older: "Older entries →",
    audit_pages: "Audit log pages",
    audit_subject: "What changed",
    audit_empty: "No audit entries yet",
    invited: "Invitation sent: the user gets the role after logging in and accepting it (an address without an account gets one with the password entered)",
    invitations_pending: "Invitations awaiting an answer",
    your_invitations: "Invitations to join an agency",
    accept: "Accept",
    decline: "Decline",
    actions: &[
        ("create", "Created"),
        ("update", "Edited"),
        ("delete", "Deleted"),
        ("put_scores", "Saved scores"),
        ("set_status", "Changed status"),
        ("set_outcome", "Recorded outcome"),
        ("copy", "Copied from an earlier year"),
        ("grant", "Granted a role"),
        ("change_role", "Changed role"),
        ("revoke", "Revoked"),
        ("detach", "Detached evidence"),
        ("set_password", "Changed password"),
        ("set_language", "Changed language"),
        ("set_disabled", "Changed login access"),
        ("invite", "Invited"),
        ("accept", "Accepted an invitation"),
        ("decline", "Declined an invitation"),
    ],
    entities: &[
        ("agency", "Agency"),
        ("unit", "Unit"),
        ("user", "User"),
        ("membership", "User role"),
        ("token", "API token"),
        ("assessment", "Scores"),
        ("analysis", "Analysis"),
        ("measure", "Measure"),
        ("progress", "Progress"),
        ("evidence", "Evidence"),
        ("invitation", "Invitation"),
    ],
};
