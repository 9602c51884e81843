// from the second build on, module-a's INV-07 failure is no longer mitigated
def file = new File(basedir, 'module-a/invariant-mitigations.yaml')
assert file.delete() : "cannot delete ${file}"
return true
