package domain

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Password hashing uses argon2id with the OWASP Password Storage Cheat
// Sheet's minimum for it: 19 MiB of memory, 2 iterations, 1 lane, a 16-byte
// random salt per password and a 32-byte key. The parameters are stored in
// each hash (PHC string format), so raising them later keeps old hashes
// verifiable.
const (
	argonMemoryKiB   = 19 * 1024
	argonIterations  = 2
	argonParallelism = 1
	argonSaltBytes   = 16
	argonKeyBytes    = 32
)

// Password length rules, in characters.
const (
	MinPasswordLength = 10
	MaxPasswordLength = 256
)

// ValidatePassword checks the length rules; field names the JSON field.
func ValidatePassword(field, password string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLength:
		return Invalid(field, CodeFieldTooShort, Params{"min": MinPasswordLength})
	case n > MaxPasswordLength:
		return Invalid(field, CodeFieldTooLong, Params{"max": MaxPasswordLength})
	}
	return nil
}

// HashPassword returns the argon2id hash of password in PHC string format.
func HashPassword(password string) string {
	salt := make([]byte, argonSaltBytes)
	if _, err := rand.Read(salt); err != nil {
		panic(err) // crypto/rand never fails on Linux
	}
	key := argon2.IDKey([]byte(password), salt, argonIterations, argonMemoryKiB, argonParallelism, argonKeyBytes)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemoryKiB, argonIterations, argonParallelism,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// VerifyPassword reports whether password matches hash, comparing in
// constant time. An empty or malformed hash costs the same as a real one and
// never matches, so that a login for an unknown e-mail or for an account
// without a password takes as long as any other.
func VerifyPassword(hash, password string) bool {
	memory, iterations, parallelism, salt, key, err := parsePasswordHash(hash)
	if err != nil {
		_, _, _, salt, key, _ = parsePasswordHash(dummyHash())
		memory, iterations, parallelism = argonMemoryKiB, argonIterations, argonParallelism
	}
	got := argon2.IDKey([]byte(password), salt, iterations, memory, parallelism, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1 && err == nil
}

// dummyHash is a hash of a random password, verified against when there is
// no real hash, so that the work done does not reveal whether one exists.
var dummyHash = sync.OnceValue(func() string { return HashPassword(NewSecret()) })

func parsePasswordHash(hash string) (memory, iterations uint32, parallelism uint8, salt, key []byte, err error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return 0, 0, 0, nil, nil, errors.New("not an argon2id hash")
	}
	var version int
	if _, err = fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return 0, 0, 0, nil, nil, errors.New("unsupported argon2 version")
	}
	if _, err = fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &iterations, &parallelism); err != nil {
		return 0, 0, 0, nil, nil, err
	}
	if salt, err = base64.RawStdEncoding.DecodeString(parts[4]); err != nil {
		return 0, 0, 0, nil, nil, err
	}
	if key, err = base64.RawStdEncoding.DecodeString(parts[5]); err != nil {
		return 0, 0, 0, nil, nil, err
	}
	return memory, iterations, parallelism, salt, key, nil
}

// secretBytes is the entropy of session tokens: 32 bytes from crypto/rand.
const secretBytes = 32

// NewSecret returns a random, URL-safe secret of 32 bytes of entropy, used
// as a session token.
func NewSecret() string {
	b := make([]byte, secretBytes)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashSecret returns the SHA-256 of a token or code: only hashes are stored,
// so a copy of the database reveals no usable token.
func HashSecret(secret string) []byte {
	sum := sha256.Sum256([]byte(secret))
	return sum[:]
}

// activationAlphabet is Crockford's base32: no I, L, O or U to misread.
const activationAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewActivationCode returns a one-time code a person can read out and type:
// 12 characters (60 bits) in three groups, e.g. "7KQ2-M9XD-4TPA".
func NewActivationCode() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	var out strings.Builder
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			out.WriteByte('-')
		}
		out.WriteByte(activationAlphabet[int(c)%len(activationAlphabet)])
	}
	return out.String()
}

// HashActivationCode hashes a code as typed: case, spaces and dashes do not
// matter, and the letters people confuse with digits are read as digits.
func HashActivationCode(code string) []byte {
	normalized := strings.Map(func(r rune) rune {
		switch r {
		case '-', ' ':
			return -1
		case 'I', 'L', 'i', 'l':
			return '1'
		case 'O', 'o':
			return '0'
		}
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, code)
	return HashSecret(normalized)
}
