/** English messages of the code views, added by the code generators (codegen/torch.ts, tf.ts) when they load. */
export const enCode = {
  // The panel
  'code.title': 'Framework code',
  'code.intro': 'The picture on screen as a script you can run: it prints the numbers this page shows.',
  'code.torch': 'PyTorch code',
  'code.tf': 'TensorFlow code',
  'code.copy': 'Copy',
  'code.copyName': 'Copy {name}',
  'code.copied': 'Copied {name} to the clipboard.',
  'code.selected': 'The clipboard is not available here, so {name} is selected: press Ctrl+C to copy it.',
  'code.waiting': 'The code appears once the engine has computed the picture.',
  // Comments inside both scripts
  'code.py.input': 'x: the input on the page, [N, C, H, W] = {shape}',
  'code.py.convWeight': "w: the kernel on the page, in Conv2d's layout [out, in/groups, kH, kW] = {shape}",
  'code.py.convTWeight': "w: the kernel on the page, in ConvTranspose2d's layout [in, out/groups, kH, kW] = {shape}",
  'code.py.layer': 'The same as a layer ({layer}), with w as its weight and no bias',
  'code.py.sameNumbers': 'True: the same numbers',
  'code.avgUnpool':
    '{framework} has no average unpooling. As the tutorials teach it: copy each pooled value into every cell of its window; where windows overlap take the mean; a cell no window covers stays 0.',
  // PyTorch script
  'code.torch.tfPadsEven': "TensorFlow's {padding} pads the same on both sides here: PyTorch's padding={pair}",
  'code.torch.tfPadsUneven':
    "TensorFlow's {padding} pads top {top}, bottom {bottom}, left {left}, right {right}. PyTorch's padding= is the same on both sides, so pad first (F.pad takes left, right, top, bottom).",
  'code.torch.outputPaddingChoices': 'output_padding picks one of the sizes this input can reach: {choices}',
  'code.torch.choice': '{a} → {size}',
  'code.torch.tfOutputEven': "TensorFlow's output_shape {h}×{w} (legal: {legal}) is PyTorch's padding={padding} with output_padding={outputPadding}",
  'code.torch.tfOutputUneven':
    "TensorFlow's output_shape {h}×{w} (legal: {legal}) crops the full scatter unevenly: top {top}, bottom {bottom}, left {left}, right {right}.",
  'code.torch.tfOutputPadding': 'It also adds output padding: {oh} row(s) at the bottom, {ow} column(s) at the right.',
  'code.torch.tfOutputCut': "PyTorch's padding= crops both sides alike, so compute the full scatter and cut the output out of it.",
  'code.torch.maxPool': "Max pooling keeps each window's largest value and where it sat (indices: y·W+x inside each channel)",
  'code.torch.indices': 'the switches',
  'code.torch.maxUnpool': 'Max unpooling puts each value back at its switch; every other cell is 0',
  'code.torch.poolLayers': 'The same as layers: nn.MaxPool2d(return_indices=True) and nn.MaxUnpool2d',
  'code.torch.tfMaxPad':
    "TensorFlow's SAME pads top {top}, bottom {bottom}, left {left}, right {right}, unevenly, which PyTorch's padding= cannot say: pad with -inf first, so padding never wins",
  'code.torch.tfMaxIndices': 'These indices count cells of the padded plane: unpool into the padded size, then cut the padding off',
  'code.torch.avgPool': "Average pooling: the mean of each window (PyTorch counts padding as zeros: count_include_pad=True)",
  'code.torch.avgPoolValid': 'Average pooling: the mean of each window (no padding here)',
  'code.torch.tfAvg':
    "TensorFlow's SAME pads top {top}, bottom {bottom}, left {left}, right {right} and leaves the padding out of the average: sum each window, then divide by the real cells in it",
  // TensorFlow script
  'code.tf.input': 'The input on the page, [N, C, H, W] = {shape}; TensorFlow works in NHWC [N, H, W, C]',
  'code.tf.convFilter': "The kernel on the page in Conv2d's layout [out, in/groups, kH, kW] = {shape}; conv2d's filters are [kh, kw, in, out] = {tfShape}",
  'code.tf.convTFilter':
    "The kernel on the page in ConvTranspose2d's layout [in, out/groups, kH, kW] = {shape}. conv2d_transpose wants [kh, kw, out, in] = {tfShape}: out before in, swapped from conv2d's [kh, kw, in, out]",
  'code.tf.print': 'as [N, C, H, W], channel by channel like the page',
  'code.tf.explicitPad': "TensorFlow's padding is only SAME or VALID: PyTorch's padding={pair} becomes an explicit tf.pad, then VALID",
  'code.tf.groups': "TensorFlow's CPU kernels have no grouped convolution: convolve each of the {g} groups on its own and stack the results",
  'code.tf.keras': 'The same as a Keras layer (its kernel has the same layout as filters)',
  'code.tf.kerasGroups': "No Keras layer here: Keras's Conv2D(groups=...) may refuse to run on a CPU; the split above runs anywhere",
  'code.tf.kerasStrideDilation': 'No Keras layer here: Keras refuses a stride above 1 together with a dilation above 1; tf.nn.conv2d above takes both',
  'code.tf.kerasTransposeGroups': "No Keras layer here: Keras's Conv2DTranspose has no groups",
  'code.tf.kerasOutputShape': "No Keras layer here: Keras's Conv2DTranspose cannot ask for an output of {h}×{w} with this kernel; tf.nn.conv2d_transpose above can",
  'code.tf.spread': "TensorFlow's CPU conv2d_transpose cannot dilate: spread the kernel's taps {dh}×{dw} apart with zeros instead (the same dilated kernel)",
  'code.tf.back': "The way back: conv2d_transpose with the same filters and strides to the input's shape {shape}. The filters serve unchanged: conv2d reads them as [kh, kw, in, out], conv2d_transpose as [kh, kw, out, in], so the in and out swap places",
  'code.tf.outputShape': 'output_shape must be a size whose forward convolution gives back the {vh}×{vw} input: {legal}',
  'code.tf.fullScatter': "PyTorch's padding and output_padding are not TensorFlow's: compute the full scatter ({fh}×{fw}, VALID) first",
  'code.tf.crop': 'padding={padding} crops that many cells from each side; output_padding={outputPadding} adds rows at the bottom and columns at the right',
  'code.tf.maxPadTorch': "TensorFlow's padding is only SAME or VALID: PyTorch's padding={pair} becomes tf.pad with -inf (so padding never wins), then VALID",
  'code.tf.avgPadTorch': "TensorFlow's padding is only SAME or VALID: PyTorch's padding={pair} becomes tf.pad with zeros (PyTorch counts them in the average), then VALID",
  'code.tf.avgSame': "Average pooling: SAME leaves the padding out of each window's count",
  'code.tf.avgValid': 'Average pooling: the mean of each window',
  'code.tf.maxPool': "max_pool_with_argmax: each window's maximum and TensorFlow's flat index of it, ((b·H+y)·W+x)·C+c",
  'code.tf.switches': "the switches, as TensorFlow's flat indices",
  'code.tf.scatter':
    'Unpooling: put each maximum back at its index; every other cell is 0 (an update, not tf.scatter_nd, which would add a cell twice when overlapping windows pick it)',
  'code.tf.torchArgmax': "PyTorch's max_unpool2d reads each index as y·W+x of the input and places it in the {oh}×{ow} output plane: rebuild that index from TensorFlow's",
  'code.tf.torchSwitches': "the switches, as PyTorch's y·W+x",
} as const;
