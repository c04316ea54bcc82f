"""The learned candidate classifier beside the rules: candidates from the parse (candidates),
their encoding (encoding), the ONNX model at run time (classifier), its stances beside the
rules' (combine), labelled candidates from gold files for training (dataset)."""
