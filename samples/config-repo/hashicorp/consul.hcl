datacenter = "eu-1"
server     = true
performance {
  raft_multiplier = 12
}
