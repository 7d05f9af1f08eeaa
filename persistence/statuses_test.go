package persistence_test

import (
	"go/ast"
	"go/build"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// quotedWord is a single-quoted word in SQL text.
var quotedWord = regexp.MustCompile(`'([^']*)'`)

// notEnums are quoted words in SQL that equal a domain enum value only by
// coincidence: a review's target type and a waiting item's kind are plain
// strings in the domain ("design", "milestone", "evidence"), not the
// Seminar or PhaseKind "design". The partial index reviews_design_once
// names target_type = 'design' too.
var notEnums = regexp.MustCompile(`target_type = 'design'|SELECT 'design',`)

// domainEnumValues returns every value of the domain's enumerations (its
// exported constants of its own string types: statuses, roles, horizons,
// kinds…), each with the names of the constants that hold it.
func domainEnumValues(t *testing.T) map[string][]string {
	t.Helper()
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import("github.com/proper-id/proper/domain")
	if err != nil {
		t.Fatal(err)
	}
	values := map[string][]string{}
	for _, name := range pkg.Scope().Names() {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || !c.Exported() {
			continue
		}
		named, ok := c.Type().(*types.Named)
		if !ok || named.Obj().Pkg() != pkg {
			continue
		}
		if basic, ok := named.Underlying().(*types.Basic); !ok || basic.Kind() != types.String {
			continue
		}
		v := constant.StringVal(c.Val())
		values[v] = append(values[v], named.Obj().Name()+" "+name)
	}
	// Guard against a loader that finds nothing: these must be there.
	for _, v := range []string{"awaiting_verification", "design_submitted", "examiner", "mentor", "short", "pending"} {
		if len(values[v]) == 0 {
			t.Fatalf("domain enum value %q not found among %d values", v, len(values))
		}
	}
	return values
}

// TestEveryQuotedStatusInSQLIsADomainConstant keeps the domain's enum
// values (statuses, roles, horizons, kinds) out of the SQL text of package
// persistence: a query gets them as arguments bound from the domain's
// constants, or built from them at init (where a prepared statement must
// see a literal), so that renaming a value cannot leave a query matching
// nothing. It reads the non-test Go files that are in the package when it
// runs; migrations are history and not read.
func TestEveryQuotedStatusInSQLIsADomainConstant(t *testing.T) {
	t.Parallel()
	enums := domainEnumValues(t)
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	bp, err := build.ImportDir(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	if bp.Name != "persistence" || len(bp.GoFiles) == 0 {
		t.Fatalf("package %q in %s has no Go files", bp.Name, dir)
	}
	fset := token.NewFileSet()
	for _, name := range bp.GoFiles {
		file, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			text, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
			}
			blanked := notEnums.ReplaceAllStringFunc(text, func(s string) string { return strings.Repeat(" ", len(s)) })
			for _, m := range quotedWord.FindAllStringSubmatchIndex(blanked, -1) {
				word := blanked[m[2]:m[3]]
				if consts, ok := enums[word]; ok {
					sort.Strings(consts)
					at := fset.Position(lit.Pos())
					at.Line += strings.Count(text[:m[0]], "\n") // a raw string's own lines
					t.Errorf("%s: '%s' is in the SQL text; bind it from %s", at, word, strings.Join(consts, " or "))
				}
			}
			return true
		})
	}
}
