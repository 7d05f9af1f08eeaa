package domain

import (
	"strings"
	"testing"
)

func TestPasswordHashVerifiesOnlyItsPassword(t *testing.T) {
	hash := HashPassword("kata-sandi-rahasia")
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q should record argon2id and its parameters", hash)
	}
	if hash == HashPassword("kata-sandi-rahasia") {
		t.Fatal("two hashes of one password must differ (a salt per password)")
	}
	if !VerifyPassword(hash, "kata-sandi-rahasia") || VerifyPassword(hash, "kata-sandi-salah") {
		t.Fatal("VerifyPassword must accept the password and nothing else")
	}
	for _, bad := range []string{"", "$argon2id$", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$a2V5"} {
		if VerifyPassword(bad, "kata-sandi-rahasia") {
			t.Errorf("a malformed hash %q must never verify", bad)
		}
	}
}

func TestActivationCodesForgiveTyping(t *testing.T) {
	code := NewActivationCode()
	if len(code) != 14 || strings.Count(code, "-") != 2 {
		t.Fatalf("code %q should read like XXXX-XXXX-XXXX", code)
	}
	typed := strings.ToLower(strings.ReplaceAll(code, "-", " "))
	if string(HashActivationCode(typed)) != string(HashActivationCode(code)) {
		t.Fatalf("%q typed as %q should still match", code, typed)
	}
	if string(HashActivationCode("0I1L-OOOO-AAAA")) != string(HashActivationCode("0111-0000-AAAA")) {
		t.Fatal("letters read as digits (I, L, O) should match the digits")
	}
}

func TestSessionTokensCarry32RandomBytes(t *testing.T) {
	a, b := NewSecret(), NewSecret()
	if len(a) != 43 || a == b {
		t.Fatalf("tokens %q, %q: want 43 base64url characters (32 bytes), never repeated", a, b)
	}
}

// BenchmarkVerifyPassword shows that checking a password costs the same
// whether the account exists (a real hash) or not (no hash): a login does
// not reveal which e-mail addresses have accounts.
func BenchmarkVerifyPassword(b *testing.B) {
	hash := HashPassword("kata-sandi-rahasia")
	b.Run("known e-mail", func(b *testing.B) {
		for b.Loop() {
			VerifyPassword(hash, "tebakan-salah")
		}
	})
	b.Run("unknown e-mail", func(b *testing.B) {
		for b.Loop() {
			VerifyPassword("", "tebakan-salah")
		}
	})
}
