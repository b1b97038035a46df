"""Public case references (receipt number + query code) and case history."""
