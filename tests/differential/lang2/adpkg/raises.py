print("adpkg.raises executing")
raise ValueError("module init failed")
