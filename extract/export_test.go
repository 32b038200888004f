package extract

// CheckInvariants exposes checkInvariants to the external tests of this
// package (extract_test), which may import packages that import extract.
var CheckInvariants = checkInvariants
