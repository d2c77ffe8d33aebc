// The command line lands with the IPA reader (issue 2).
console.error('ipa-ota: not built yet')
process.exitCode = 1
