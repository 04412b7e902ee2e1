"""engagekit's speed and memory workloads, each measured against a baseline in one run."""
