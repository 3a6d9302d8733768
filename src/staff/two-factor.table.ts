// Recovery codes are stored as hashes and marked when used (each works once).
export interface StaffRecoveryCodesTable {
  staff_id: string;
  code_hash: string;
  used_at: string | null;
}

// Who gave a right password and still owes a code: a hashed token, a few minutes, a few tries.
export interface StaffSignInChallengesTable {
  token_hash: string;
  staff_id: string;
  expires_at: string;
  attempts: number;
}
