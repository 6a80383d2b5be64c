// The console library; widgets are added beside this file.
